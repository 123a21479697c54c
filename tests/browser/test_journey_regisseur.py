# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Journey 3 in a real browser: the regisseur's case page with one plan, all referrals, follow-ups due."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from policies.roles import Role
from referrals import services
from referrals.models import FollowUp
from tests.browser.conftest import browser_db, log_in, screenshot
from tests.factories import give_consent, member, open_case

pytestmark = [pytest.mark.browser, browser_db]


def test_ruud_sees_the_whole_case_on_one_page(world, new_page):
    p, o = world.people, world.orgs
    member(p.ruud, o.gemeente, Role.REGISSEUR)
    case = open_case(
        actor=p.ruud,
        organisation=o.gemeente,
        family_name="El Amrani",
        given_name="Yasmina",
        categories=[world.categories.schulden, world.categories.taal],
    )
    give_consent(case=case, actor=p.ruud, organisation=o.gemeente, recipients=[o.kredietbank, o.taalhuis])
    for service, category in (
        (world.services.schuldhulp, world.categories.schulden),
        (world.services.taalmaatje, world.categories.taal),
    ):
        draft = services.referral_create(
            case=case,
            actor=p.ruud,
            organisation=o.gemeente,
            service=service,
            summary="Hulpvraag voor het plan.",
            categories=[category],
        )
        services.referral_send(referral=draft, actor=p.ruud)
    services.referral_accept(referral=case.referrals.get(to_organisation=o.kredietbank), actor=p.kees)
    FollowUp.objects.filter(case=case).update(due_on=timezone.localdate())  # the check is due today

    page = new_page()
    log_in(page, "ruud")
    expect(page).to_have_url(re.compile("/casussen/"))
    page.get_by_role("link", name=case.reference).click()
    expect(page.get_by_role("heading", name="Yasmina El Amrani")).to_be_visible()
    expect(page.get_by_text("1 opvolging is nu aan de beurt")).to_be_visible()
    timeline = page.locator(".od-timeline")
    expect(timeline.get_by_text("aangenomen")).to_be_visible()
    expect(timeline.get_by_text("verstuurd")).to_have_count(2)
    page.get_by_label("Nieuw doel in het plan").fill("Vaste lasten op orde")
    page.get_by_role("button", name="Doel toevoegen").click()
    expect(page.get_by_text("Vaste lasten op orde")).to_be_visible()
    screenshot(page, "20-casus-regisseur")
    page.get_by_role("button", name=re.compile("^Gedaan")).click()
    expect(page.get_by_text("De opvolging is gedaan.")).to_be_visible()
    expect(page.get_by_text("1 opvolging is nu aan de beurt")).to_have_count(0)
    page.get_by_label("Status van het doel").select_option("achieved")
    page.get_by_role("button", name="Wijzig").click()
    expect(page.locator(".utrecht-status-badge", has_text="Bereikt")).to_be_visible()
    screenshot(page, "21-casus-plan-bijgewerkt")
