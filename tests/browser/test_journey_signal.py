# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Journey 4 in a real browser: a signaller hands in a signal, the signal desk opens a case from it,
the signaller sees "Opgepakt" and nothing of the case; a leaver signaller cannot log in."""

import re

import pytest
from playwright.sync_api import expect

from policies.signals import SignalStatus
from signals.models import Signal
from tests.browser.conftest import browser_db, log_in, screenshot, serious_violations
from tests.factories import WijkFactory
from tests.signals.helpers import leaver_signaller, make_desk

pytestmark = [pytest.mark.browser, browser_db]

CONCERN = "Er liggen stapels brieven; het gezin durft ze niet te openen."


def test_a_signal_becomes_a_case_and_the_signaller_sees_only_opgepakt(world, new_page):
    make_desk(world.orgs.waterlelie)
    WijkFactory(name="Prinsenhof")
    sami = new_page()
    log_in(sami, "sami")
    expect(sami).to_have_url(re.compile("/signalen/"))
    sami.get_by_role("link", name="Signaal doorgeven").first.click()
    expect(sami.get_by_text("Noem geen namen als het kan").first).to_be_visible()
    sami.get_by_label("Schulden").check()
    sami.get_by_label("Wijk").select_option(label="Prinsenhof")
    sami.get_by_label("Wat viel u op?").fill(CONCERN)
    sami.get_by_label("De inwoner weet dat ik dit signaal doorgeef").check()
    sami.get_by_label("De inwoner wil dat een professional contact opneemt").check()
    sami.get_by_role("button", name="Signaal doorgeven").click()
    expect(sami.locator("#id_contact_name_error")).to_be_visible()  # agreed: how to reach the resident is needed
    sami.get_by_label("Hoe spreekt de professional de inwoner aan").fill("mevrouw T.")
    sami.get_by_label("Telefoonnummer van de inwoner").fill("0611122233")
    screenshot(sami, "40-signaal-doorgeven")
    assert not serious_violations(sami)
    sami.get_by_role("button", name="Signaal doorgeven").click()
    expect(sami.get_by_text("Een professional van de signaalbalie pakt het op")).to_be_visible()
    signal = Signal.objects.get()
    expect(sami.locator("tbody tr").first.locator("[data-status]")).to_have_text("Ontvangen")

    fatima = new_page()
    log_in(fatima, "fatima")
    fatima.get_by_role("link", name="Signaalbalie").click()
    fatima.get_by_role("link", name=signal.reference).click()
    expect(fatima.get_by_text(CONCERN)).to_be_visible()
    fatima.get_by_role("button", name="Oppakken").click()
    expect(fatima.get_by_text("U heeft het signaal opgepakt")).to_be_visible()
    screenshot(fatima, "41-signaal-opgepakt")
    fatima.get_by_role("link", name="Casus openen").click()
    expect(fatima.get_by_label("Voornaam of initialen")).to_have_value("mevrouw T.")
    fatima.get_by_label("Voornaam of initialen").fill("Tesfay")
    fatima.get_by_label("Achternaam").fill("Haile")
    fatima.get_by_label("Geboortejaar").fill("1988")
    fatima.get_by_role("button", name="Casus openen").click()
    expect(fatima.get_by_text("is geopend. Leg nu de toestemming vast.")).to_be_visible()
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CASE_OPENED and signal.erased_at is not None

    sami.reload()
    row = sami.locator("tbody tr").first
    expect(row.locator("[data-status]")).to_have_text("Opgepakt")
    content = sami.locator("main").inner_text()
    assert signal.case.reference not in content and "Haile" not in content and "Tesfay" not in content
    assert CONCERN not in content
    screenshot(sami, "42-signaal-status")
    # The case itself stays out of reach: 404.
    response = sami.goto(sami.url_for(f"/casussen/{signal.case_id}/"))
    assert response.status == 404


def test_a_leaver_signaller_cannot_log_in(world, new_page):
    leaver_signaller(world)
    page = new_page()
    log_in(page, "lotte")
    expect(page).to_have_url(re.compile("/inloggen/"))
    expect(page.get_by_text("Uw toegang is verlopen")).to_be_visible()
    assert not serious_violations(page)
    response = page.goto(page.url_for("/signalen/"))
    expect(page).to_have_url(re.compile("/inloggen/"))
    assert response.ok
