# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""axe-core on every page of tests/browser/pages.py: no serious or critical violations."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import browser_db, log_in, screenshot, serious_violations
from tests.browser.pages import PAGES, fixture_ids, visit

pytestmark = [pytest.mark.browser, browser_db]


def test_every_page_has_no_serious_accessibility_violations(world, referrals_sent, new_page):
    ids = fixture_ids(world, referrals_sent)
    pages, found = {}, {}
    for name, persona, path in PAGES:
        if persona not in pages:
            pages[persona] = new_page()
            if persona:
                log_in(pages[persona], persona)
        page = pages[persona]
        # A "POST" page is a refused form: the error summary and field messages must be accessible too.
        visit(page, path, ids)
        screenshot(page, f"axe-{name}")
        violations = serious_violations(page)
        if violations:
            found[name] = violations
    assert not found, found


def test_two_factor_pages_have_no_serious_accessibility_violations(world, new_page, settings):
    from accounts.services.enrolment import enrolment_link_issue
    from tests.factories import administrator

    settings.REQUIRE_TWO_FACTOR = True
    page = new_page()
    log_in(page, "kees")
    expect(page.get_by_role("heading", name="Uw koppellink is nodig")).to_be_visible()
    screenshot(page, "axe-enrolment-needed")
    assert not serious_violations(page)
    _link, token = enrolment_link_issue(person=world.people.kees, by=administrator(world.people.bea))
    page.goto(page.url_for(f"/inloggen/koppelen/?sleutel={token}"))
    expect(page).to_have_url(re.compile("/inloggen/koppelen/instellen/"))
    expect(page.locator(".od-qr svg")).to_be_visible()
    screenshot(page, "axe-verify-enrol")
    assert not serious_violations(page)
    page.get_by_label("Code uit uw authenticator-app").fill("000000")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.locator("#id_token_error")).to_be_visible()
    assert not serious_violations(page)


def test_lockout_page_has_no_serious_accessibility_violations(world, new_page, settings):
    settings.AXES_FAILURE_LIMIT = 2
    page = new_page()
    for _ in range(3):
        log_in(page, "kees", password="wrong-password")
    expect(page.get_by_role("heading", name="Account tijdelijk geblokkeerd")).to_be_visible()
    screenshot(page, "axe-locked")
    assert not serious_violations(page)


def test_english_pages_switch_language_and_stay_accessible(world, new_page):
    page = new_page()
    log_in(page, "fatima")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Directory").click()
    expect(page.get_by_role("heading", name="Directory: who can help?")).to_be_visible()
    screenshot(page, "axe-directory-en")
    assert not serious_violations(page)
    page.get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("heading", name="Wegwijzer: wie kan helpen?")).to_be_visible()


def test_the_arabic_receipt_reads_right_to_left_and_stays_accessible(world, case, new_page):
    from referrals.models import Consent

    consent = Consent.objects.get(resident=case.resident)
    page = new_page()
    log_in(page, "fatima")
    page.goto(page.url_for(f"/toestemming/{consent.pk}/bewijs/?taal=ar"))
    receipt = page.locator("article.consent-receipt")
    expect(receipt).to_have_attribute("lang", "ar")
    # The browser lays it out right to left: the computed direction, not only the attribute.
    assert receipt.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert receipt.locator("h1").evaluate("el => getComputedStyle(el).direction") == "rtl"
    # The page around it (navigation, the note for the professional) stays left to right.
    assert page.locator("main").evaluate("el => getComputedStyle(el).direction") == "ltr"
    expect(receipt.locator(".consent-receipt__review")).to_have_text("ترجمة أولية: لم يراجعها مترجم محلّف بعد.")
    screenshot(page, "axe-consent-receipt-ar")
    assert not serious_violations(page)
    page.goto(page.url_for(f"/toestemming/{consent.pk}/bewijs/?taal=ti"))
    expect(page.locator("article.consent-receipt")).to_have_attribute("lang", "ti")
    assert page.locator("article.consent-receipt").evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert not serious_violations(page)
