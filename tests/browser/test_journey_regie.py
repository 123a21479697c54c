# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The regisseur's tools in a real browser: the regie handed to another professional who accepts it;
a case closed with a reason (refused first while a referral runs) and reopened."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from referrals import services
from referrals.models import Case
from referrals.selectors.cases import regie_candidates
from tests.browser.conftest import browser_db, log_in, screenshot

pytestmark = [pytest.mark.browser, browser_db]


def test_fatima_hands_the_regie_to_ruud_who_accepts(world, new_page, case):
    p = world.people
    page = new_page()
    log_in(page, "fatima")
    page.goto(page.url_for(f"/casussen/{case.pk}/"))
    page.get_by_role("link", name="Regie overdragen").click()
    choice = regie_candidates(case).get(user=p.ruud, organisation=world.orgs.gemeente)
    page.get_by_label("Aan wie biedt u de regie aan?").select_option(str(choice.pk))
    page.get_by_role("button", name="Regie aanbieden").click()
    expect(page.get_by_text("U blijft regisseur tot")).to_be_visible()
    expect(page.get_by_role("heading", name="Regie aangeboden")).to_be_visible()
    expect(page.locator(".od-timeline").get_by_text("regie aangeboden")).to_be_visible()

    other = new_page()
    log_in(other, "ruud")
    other.goto(other.url_for("/casussen/"))
    other.get_by_role("link", name=case.reference).click()
    expect(other.get_by_role("heading", name="U krijgt de regie aangeboden")).to_be_visible()
    expect(other.get_by_text("Sanne")).to_have_count(0)  # nothing of the resident before accepting
    screenshot(other, "30-regie-aangeboden")
    other.get_by_role("button", name="Regie aannemen").click()
    expect(other.get_by_text(f"U bent nu de regisseur van casus {case.reference}.")).to_be_visible()
    expect(other.get_by_role("heading", name="Sanne Jansen")).to_be_visible()
    expect(other.locator(".od-timeline").get_by_text("regie overgenomen")).to_be_visible()
    case.refresh_from_db()
    assert (case.regisseur, case.regisseur_organisation) == (p.ruud, world.orgs.gemeente)


def test_fatima_closes_the_case_once_the_referral_ended_and_reopens_it(world, new_page, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    case = draft.case
    page = new_page()
    log_in(page, "fatima")
    page.goto(page.url_for(f"/casussen/{case.pk}/"))
    page.get_by_role("link", name="Casus sluiten").click()
    page.get_by_label("Waarom sluit de casus?").select_option("resolved")
    page.get_by_role("button", name="Casus sluiten").click()
    expect(page.get_by_text(re.compile("deze verwijzingen lopen nog"))).to_be_visible()

    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=draft, actor=p.kees, outcome="helped", note="")
    page.get_by_role("button", name="Casus sluiten").click()
    expect(page.get_by_text(f"Casus {case.reference} is gesloten.")).to_be_visible()
    expect(page.get_by_text(re.compile("Deze casus is gesloten op .*: Opgelost naar tevredenheid"))).to_be_visible()
    expect(page.get_by_text(re.compile("waakvlam: even bellen"))).to_be_visible()
    screenshot(page, "31-casus-gesloten")

    page.goto(page.url_for("/casussen/gesloten/"))
    expect(page.get_by_role("link", name=case.reference)).to_be_visible()
    page.get_by_role("link", name=case.reference).click()
    page.get_by_role("button", name="Casus heropenen").click()
    expect(page.get_by_text(f"Casus {case.reference} is weer open.")).to_be_visible()
    assert Case.objects.get(pk=case.pk).status == Case.Status.OPEN
