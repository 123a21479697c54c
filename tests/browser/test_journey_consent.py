# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Consent that can change, in a real browser: withdraw (the receiver is shut out at once) and change."""

import re

import pytest
from playwright.sync_api import expect

from referrals import services
from tests.browser.conftest import browser_db, log_in, screenshot
from tests.factories import give_consent, open_case

pytestmark = [pytest.mark.browser, browser_db]


def _case_with_an_accepted_referral(world):
    p, o = world.people, world.orgs
    case = open_case(actor=p.fatima, organisation=o.waterlelie, family_name="Visser", given_name="Noor")
    give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank, o.taalhuis])
    draft = services.referral_create(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        service=world.services.schuldhulp,
        summary="Aanmaningen; wil hulp.",
        categories=[world.categories.schulden],
    )
    services.referral_send(referral=draft, actor=p.fatima)
    return case, services.referral_accept(referral=draft, actor=p.kees)


def test_fatima_withdraws_a_consent_and_the_kredietbank_loses_the_referral_at_once(world, new_page, live_server):
    case, referral = _case_with_an_accepted_referral(world)
    kees = new_page()
    log_in(kees, "kees")
    kees.goto(f"{live_server.url}/verwijzingen/{referral.pk}/")
    expect(kees.get_by_role("heading", name="Noor Visser")).to_be_visible()

    page = new_page()
    log_in(page, "fatima")
    page.goto(f"{live_server.url}/casussen/{case.pk}/")
    page.get_by_role("link", name="intrekken").click()
    expect(page.get_by_text(re.compile("De verwijzing naar .*Kredietbank.* stopt"))).to_be_visible()
    screenshot(page, "30-toestemming-intrekken")
    page.get_by_label("Reden van intrekken").fill("De inwoner wil niet meer dat er gedeeld wordt.")
    page.get_by_role("button", name="Toestemming intrekken").click()
    expect(page.get_by_text("De toestemming is ingetrokken.")).to_be_visible()
    expect(page.locator("#h-consent + ul").get_by_text("ingetrokken")).to_be_visible()

    response = kees.goto(f"{live_server.url}/verwijzingen/{referral.pk}/")
    assert response.status == 404
    expect(kees.get_by_text("Noor Visser")).to_have_count(0)


def test_fatima_changes_a_consent_and_sees_the_replacement(world, new_page, live_server):
    case, _referral = _case_with_an_accepted_referral(world)
    page = new_page()
    log_in(page, "fatima")
    page.goto(f"{live_server.url}/casussen/{case.pk}/")
    page.get_by_role("link", name="wijzigen").click()
    expect(page.get_by_role("heading", name="Toestemming wijzigen")).to_be_visible()
    expect(page.get_by_label("Doel")).to_have_value("Hulp bij schulden")  # starts from the old record
    page.get_by_label("Taalhuis").uncheck()  # a deliberate removal: no referral relies on it
    page.get_by_label("Mondeling").check()
    page.get_by_role("button", name="Nieuwe versie vastleggen").click()
    expect(page.get_by_role("heading", name="Deze wijziging haalt iets weg")).to_be_visible()
    expect(page.get_by_text(re.compile("Taalhuis.* staat niet meer bij de ontvangers"))).to_be_visible()
    screenshot(page, "31-toestemming-wijzigen")
    page.get_by_label("Ik heb gezien wat deze wijziging stopt en wijzig toch").check()
    page.get_by_role("button", name="Nieuwe versie vastleggen").click()
    expect(page.get_by_text("De toestemming is gewijzigd")).to_be_visible()
    consents = page.locator("#h-consent + ul")
    expect(consents.get_by_text("vervangen door een nieuwere versie")).to_be_visible()
    expect(consents.get_by_text("geldig", exact=True)).to_be_visible()
