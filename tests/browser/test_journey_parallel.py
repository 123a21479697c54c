# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Issue 13 in a real browser: two partners helping one household at the same time, the
forwarder's own history after a hand-over, and the resident who cannot be reached."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from referrals import services
from referrals.models import Referral, State
from tests.browser.conftest import browser_db, log_in, screenshot, serious_violations

pytestmark = [pytest.mark.browser, browser_db]


@pytest.fixture
def debt_help_running(world, referrals_sent):
    """The Kredietbank (Kees) has accepted the urgent referral and made first contact."""
    _normal, urgent = referrals_sent
    services.referral_accept(referral=urgent, actor=world.people.kees)
    services.referral_record_first_contact(
        referral=urgent, actor=world.people.kees, on=timezone.localdate(), way="walk_in"
    )
    return urgent


def open_referral(page, referral):
    page.goto(page.url_for(f"/verwijzingen/{referral.pk}/"))


def test_kredietbank_refers_the_taalhuis_in_addition_and_both_close_their_own_part(world, debt_help_running, new_page):
    kees = new_page()
    log_in(kees, "kees")
    open_referral(kees, debt_help_running)
    kees.get_by_role("link", name="Erbij verwijzen").click()
    kees.get_by_label("Dienst").select_option(label="Taalmaatje (Taalhuis)")
    kees.get_by_role("button", name="Kies deze dienst").click()
    expect(kees.get_by_label("Nederlands als tweede taal")).to_be_checked()
    expect(kees.get_by_label("Gezondheid")).not_to_be_checked()
    assert serious_violations(kees) == []
    kees.get_by_role("textbox", name="Samenvatting van de hulpvraag").fill(
        "Wil brieven zelf kunnen lezen; beginnersniveau."
    )
    screenshot(kees, "40-erbij-verwijzen")
    kees.get_by_role("button", name="Erbij verwijzen").click()
    expect(kees.get_by_text("is erbij gevraagd")).to_be_visible()
    expect(kees.get_by_text("Erbij: Taalmaatje")).to_be_visible()
    sibling = Referral.objects.get(parent=debt_help_running)
    assert sibling.in_addition

    anouk = new_page()
    log_in(anouk, "anouk")
    open_referral(anouk, sibling)
    anouk.get_by_role("button", name="Aannemen").click()
    expect(anouk.get_by_text("Wil brieven zelf kunnen lezen")).to_be_visible()
    anouk.get_by_role("link", name="Eerste contact vastleggen").click()
    anouk.get_by_label("Hoe").select_option(label="Telefonisch")
    anouk.get_by_role("button", name="Eerste contact vastleggen").click()

    # The Kredietbank still has its own referral in progress, with the resident's data.
    kees.reload()
    expect(kees.get_by_text("In behandeling").first).to_be_visible()
    expect(kees.get_by_text("Afsluiting energie dreigt volgende week.")).to_be_visible()

    for page, outcome in ((kees, "Geholpen"), (anouk, "Deels geholpen")):
        page.get_by_role("link", name="Afsluiten", exact=True).click()
        page.get_by_label("Uitkomst").select_option(label=outcome)
        page.get_by_role("button", name="Afsluiten").click()
        expect(page).to_have_url(re.compile("/inbox/"))
    debt_help_running.refresh_from_db()
    sibling.refresh_from_db()
    assert (debt_help_running.state, debt_help_running.outcome) == (State.CLOSED, "helped")
    assert (sibling.state, sibling.outcome) == (State.CLOSED, "partly_helped")


def test_after_a_hand_over_the_kredietbank_reads_its_own_part_and_records_its_outcome(
    world, debt_help_running, new_page
):
    child = services.referral_forward(
        referral=debt_help_running,
        actor=world.people.kees,
        service=world.services.taalmaatje,
        summary="Verder met taal.",
        categories=[world.categories.taal],
    )
    services.referral_accept(referral=child, actor=world.people.anouk)

    kees = new_page()
    log_in(kees, "kees")
    open_referral(kees, debt_help_running)
    expect(kees.get_by_text("U ziet nog uw eigen deel")).to_be_visible()
    expect(kees.get_by_text("Inloopspreekuur")).to_be_visible()  # its own first contact
    expect(kees.get_by_text("Afsluiting energie")).to_have_count(0)  # not the resident's story
    expect(kees.get_by_text("Jansen")).to_have_count(0)
    assert serious_violations(kees) == []
    screenshot(kees, "41-eigen-deel-na-overdracht")
    kees.get_by_role("link", name="Uitkomst van uw deel vastleggen").click()
    kees.get_by_label("Uitkomst van uw deel").select_option(label="Deels geholpen")
    kees.get_by_label("Toelichting").fill("Budgetplan gemaakt, schuldeisers aangeschreven.")
    kees.get_by_role("button", name="Uitkomst van uw deel vastleggen").click()
    expect(kees.get_by_text("De uitkomst van uw deel is vastgelegd.")).to_be_visible()
    expect(kees.get_by_text("Deels geholpen: Budgetplan gemaakt")).to_be_visible()

    # The next partner's referral stays out of the Kredietbank's reach.
    kees.goto(kees.url_for(f"/verwijzingen/{child.pk}/"))
    expect(kees.get_by_role("heading", name="Niet gevonden")).to_be_visible()


def test_the_kredietbank_closes_as_niet_bereikt_after_three_attempts(world, referrals_sent, new_page):
    _normal, urgent = referrals_sent
    services.referral_accept(referral=urgent, actor=world.people.kees)
    kees = new_page()
    log_in(kees, "kees")
    open_referral(kees, urgent)
    expect(kees.get_by_role("link", name="Afsluiten: niet bereikt")).to_have_count(0)
    for way in ("Telefonisch", "Huisbezoek", "Telefonisch"):
        kees.get_by_role("link", name="Contactpoging vastleggen").click()
        kees.get_by_label("Hoe").select_option(label=way)
        kees.get_by_label("Notitie (optioneel)").fill("Geen gehoor.")
        kees.get_by_role("button", name="Contactpoging vastleggen").click()
        expect(kees.get_by_text("De contactpoging is vastgelegd.")).to_be_visible()
    assert serious_violations(kees) == []
    kees.get_by_role("link", name="Afsluiten: niet bereikt").click()
    screenshot(kees, "42-niet-bereikt")
    kees.get_by_role("button", name="Afsluiten: niet bereikt").click()
    expect(kees.get_by_text("afgesloten als niet bereikt")).to_be_visible()

    fatima = new_page()
    log_in(fatima, "fatima")
    expect(fatima.get_by_text("niet bereikt na 3 pogingen")).to_be_visible()
