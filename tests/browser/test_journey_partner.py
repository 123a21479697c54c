# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Journey 2 in a real browser: the receiving partner's inbox, accept, contact, warm forward, decline, assign."""

import re

import pytest
from playwright.sync_api import expect

from referrals.models import Referral, State
from tests.browser.conftest import browser_db, log_in, screenshot

pytestmark = [pytest.mark.browser, browser_db]


def open_referral(page, referral):
    page.get_by_role("link", name=f"{referral.case.reference}/{referral.pk}", exact=True).click()


def test_kees_accepts_makes_contact_and_forwards_warmly_to_the_taalhuis(world, referrals_sent, new_page):
    normal, urgent = referrals_sent
    kees = new_page()
    log_in(kees, "kees")
    expect(kees).to_have_url(re.compile("/inbox/"))
    rows = kees.locator("tbody tr")
    expect(rows.nth(0).get_by_text(f"/{urgent.pk}")).to_be_visible()  # urgent first
    expect(rows.nth(1).get_by_text(f"/{normal.pk}")).to_be_visible()
    screenshot(kees, "10-inbox")

    open_referral(kees, urgent)
    expect(kees.get_by_text("zodra u de verwijzing aanneemt")).to_be_visible()
    expect(kees.get_by_text("Afsluiting energie")).not_to_be_visible()  # no summary before accepting
    kees.get_by_role("button", name="Aannemen").click()
    expect(kees.get_by_text("Afsluiting energie dreigt volgende week.")).to_be_visible()
    expect(kees.get_by_role("heading", name="Sanne Jansen")).to_be_visible()
    screenshot(kees, "11-verwijzing-aangenomen")

    kees.get_by_role("link", name="Eerste contact vastleggen").click()
    kees.get_by_label("Hoe").select_option(label="Telefonisch")
    kees.get_by_role("button", name="Eerste contact vastleggen").click()
    expect(kees.get_by_text("Het eerste contact is vastgelegd.")).to_be_visible()

    kees.get_by_role("link", name="Warm doorverwijzen").click()
    kees.get_by_label("Dienst").select_option(label="Taalmaatje (Taalhuis)")
    kees.get_by_role("button", name="Kies deze dienst").click()
    expect(kees.get_by_label("Nederlands als tweede taal")).to_be_checked()  # what the Taalhuis handles
    expect(kees.get_by_label("Financiële situatie")).not_to_be_checked()  # the minimum by default
    kees.get_by_role("link", name="Neem de samenvatting van deze verwijzing over").click()
    screenshot(kees, "12-doorverwijzen")
    kees.get_by_role("button", name="Warm doorverwijzen").click()
    expect(kees.get_by_text("U blijft verantwoordelijk").first).to_be_visible()
    child = Referral.objects.get(parent=urgent)
    assert child.state == State.SENT

    anouk = new_page()
    log_in(anouk, "anouk")
    open_referral(anouk, child)
    anouk.get_by_role("button", name="Aannemen").click()
    expect(anouk.get_by_text("Afsluiting energie dreigt volgende week.")).to_be_visible()  # summary written once

    # Kees's organisation lets go once the Taalhuis accepted; his inbox tells him the handover is done.
    kees.get_by_role("link", name="Inbox").click()
    expect(kees.get_by_text("de overdracht is rond")).to_be_visible()
    screenshot(kees, "13-warm-overgedragen")
    urgent.refresh_from_db()
    assert urgent.state == State.HANDED_OVER


def test_kees_declines_with_a_reason_and_fatima_sees_it(world, referrals_sent, new_page):
    normal, _urgent = referrals_sent
    kees = new_page()
    log_in(kees, "kees")
    open_referral(kees, normal)
    kees.get_by_role("link", name="Afwijzen").click()
    kees.get_by_label("Toelichting voor de verwijzer").fill("Past beter bij het Sociaal Servicepunt.")
    kees.get_by_role("button", name="Afwijzen").click()
    expect(kees.locator("#id_reason_error")).to_be_visible()  # a reason is required
    expect(kees.get_by_label("Toelichting voor de verwijzer")).to_have_value("Past beter bij het Sociaal Servicepunt.")
    screenshot(kees, "14-afwijzen-fout")
    kees.get_by_label("Reden").select_option(label="Verkeerde dienst")
    kees.get_by_role("button", name="Afwijzen").click()
    expect(kees).to_have_url(re.compile("/inbox/"))

    fatima = new_page()
    log_in(fatima, "fatima")
    row = fatima.locator("tbody tr").filter(has_text=f"/{normal.pk}")
    expect(row.get_by_text("Afgewezen")).to_be_visible()


def test_marieke_assigns_a_colleague_and_updates_a_service(world, referrals_sent, new_page):
    normal, _urgent = referrals_sent
    marieke = new_page()
    log_in(marieke, "marieke")
    open_referral(marieke, normal)
    marieke.get_by_role("link", name="Toewijzen aan collega").click()
    marieke.get_by_label("Collega").select_option(label="Joost")
    marieke.get_by_role("button", name="Toewijzen aan collega").click()
    expect(marieke.get_by_text("is toegewezen aan Joost")).to_be_visible()
    normal.refresh_from_db()
    assert normal.assignee.username == "joost"

    marieke.get_by_role("link", name="Onze diensten").click()
    marieke.get_by_role("link", name="Bewerken Schuldhulp").click()
    marieke.get_by_label("Inloopspreekuur").fill("di 9:00–12:00, Tuinkamer van Noord")
    screenshot(marieke, "15-dienst-bewerken")
    marieke.get_by_role("button", name="Opslaan").click()
    expect(marieke.get_by_role("cell", name="di 9:00–12:00, Tuinkamer van Noord")).to_be_visible()
