# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on in a real browser, through a real OpenID Connect provider process (oidc-provider-mock).

The login page offers both ways in within the Content-Security-Policy; Kees logs in at the
provider and lands on his inbox; logging out ends the session and goes through the provider's
end-session page back to our login page (the logout form's redirect to the provider is allowed by
form-action); a stranger is refused with a page that says why.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import browser_db, screenshot, serious_violations

pytestmark = [pytest.mark.browser, browser_db]


def watched(new_page, live_server):
    """A page that notes our own pages' console errors (a CSP violation is one) and blocks the internet."""
    page = new_page()
    errors: list[str] = []

    def note(message):
        # (The refusal page's own 403 is reported as a failed load; it is the answer we expect.)
        expected = message.text.startswith("Failed to load resource: the server responded with a status of 403")
        if message.type == "error" and message.location.get("url", "").startswith(live_server.url) and not expected:
            errors.append(message.text)

    page.on("console", note)
    # The provider's pages take a stylesheet from a CDN; the test runs without the internet.
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"), lambda route: route.abort())
    return page, errors


def log_in_at_provider(page, sub: str) -> None:
    page.get_by_role("link", name="Inloggen met het account van uw organisatie").click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_load_state()


def test_kees_logs_in_through_the_provider_and_out_again(world, new_page, live_server, oidc):
    page, errors = watched(new_page, live_server)
    page.goto(page.url_for("/inloggen/"))
    expect(page.get_by_role("heading", name="Met uw organisatie")).to_be_visible()
    expect(page.get_by_label("Gebruikersnaam")).to_be_visible()  # the local login stays
    assert not serious_violations(page)
    screenshot(page, "oidc-inloggen-met-organisatie")

    log_in_at_provider(page, "kees@example.invalid")
    expect(page).to_have_url(re.compile("/inbox/$"))
    expect(page.get_by_role("heading", name=re.compile("Inbox"))).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="End Session")).to_be_visible()
    assert page.url.startswith(oidc.url)
    page.get_by_role("button", name="End session").click()
    expect(page).to_have_url(re.compile("/inloggen/$"))
    page.goto(page.url_for("/inbox/"))
    expect(page).to_have_url(re.compile("/inloggen/"))  # the Overdracht session has ended
    assert not errors, errors


def test_a_stranger_is_refused_with_a_clear_page(world, new_page, live_server, oidc):
    page, errors = watched(new_page, live_server)
    page.goto(page.url_for("/inloggen/"))
    log_in_at_provider(page, "onbekend@example.invalid")
    expect(page.get_by_role("heading", name="Inloggen niet gelukt")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Overdracht kent geen account dat bij u hoort")
    expect(page.get_by_role("link", name="Terug naar inloggen")).to_be_visible()
    assert not serious_violations(page)
    screenshot(page, "oidc-inloggen-geweigerd")
    assert not errors, errors
