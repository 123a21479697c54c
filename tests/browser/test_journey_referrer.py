# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Journey 1 in a real browser: Fatima finds help, opens a case, records consent, sends, follows up."""

import re

import pytest
from playwright.sync_api import expect

from referrals.models import Referral, State
from tests.browser.conftest import browser_db, log_in, screenshot
from tests.factories import WijkFactory

pytestmark = [pytest.mark.browser, browser_db]


def test_fatima_finds_help_opens_a_case_and_sends_a_referral(world, new_page):
    WijkFactory(name="Prinsenhof")
    page = new_page()
    log_in(page, "fatima")
    expect(page).to_have_url(re.compile("/verstuurd/"))

    page.get_by_role("link", name="Wegwijzer").click()
    page.get_by_label("Zoek op hulpvraag of naam").fill("Schuld")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="Schuldhulp")).to_be_visible()
    expect(page.get_by_role("heading", name="Taalmaatje")).not_to_be_visible()
    screenshot(page, "01-wegwijzer")
    page.get_by_role("link", name="Verwijzen naar deze dienst (Schuldhulp)").click()

    # Refused first: no contact data. What was typed stays; the message is next to the field.
    page.get_by_label("Voornaam of initialen").fill("Sanne")
    page.get_by_label("Achternaam").fill("de Vries")
    page.get_by_label("Geboortejaar").fill("1988")
    page.get_by_role("button", name="Casus openen").click()
    expect(page.locator("#id_phone_error")).to_be_visible()
    expect(page.get_by_label("Achternaam")).to_have_value("de Vries")
    screenshot(page, "02-casus-openen-fout")
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_label("Wijk").select_option(label="Prinsenhof")
    page.get_by_role("button", name="Casus openen").click()

    expect(page.get_by_role("heading", name="Toestemming vastleggen")).to_be_visible()
    expect(page.get_by_label("Kredietbank")).to_be_checked()
    page.get_by_label("Mondeling").check()
    screenshot(page, "03-toestemming")
    page.get_by_role("button", name="Toestemming vastleggen").click()

    expect(page.get_by_role("heading", name="Verwijzing versturen")).to_be_visible()
    page.get_by_role("textbox", name="Samenvatting van de hulpvraag").fill(
        "Aanmaningen energie en huur; wil hulp met een plan."
    )
    page.get_by_label("Urgent (24–48 uur)").check()
    screenshot(page, "04-verwijzing")
    page.get_by_role("button", name="Versturen").click()

    expect(page).to_have_url(re.compile("/verstuurd/"))
    expect(page.get_by_text("is verstuurd naar Kredietbank")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Schuldhulp")
    expect(row.get_by_text("Verstuurd")).to_be_visible()
    screenshot(page, "05-verstuurd")
    referral = Referral.objects.get()
    assert referral.state == State.SENT and referral.urgency == "urgent"
