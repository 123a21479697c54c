# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A coordinator issues a new colleague's enrolment link; the colleague sets up a passkey through it
(Chromium's virtual authenticator) and logs in with it as the second step. The CSP stays as it is."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from accounts.models import EnrolmentLink
from tests.browser.conftest import browser_db, log_in, screenshot, serious_violations
from tests.views.test_login import token_for

pytestmark = [pytest.mark.browser, browser_db]


def virtual_authenticator(page) -> None:
    """A platform authenticator that holds resident keys and verifies the user (as a laptop's fingerprint reader)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )


def csp_violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda msg: found.append(msg.text) if "Content Security Policy" in msg.text else None)
    return found


def test_a_new_colleague_enrols_a_passkey_through_the_link_and_logs_in_with_it(world, new_page, settings, live_server):
    settings.REQUIRE_TWO_FACTOR = True
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    assert live_server.url.startswith("http://localhost:")

    # The coordinator logs in with her authenticator app and issues the link for Kees.
    device = TOTPDevice.objects.create(user=world.people.marieke, name="app", confirmed=True)
    coordinator = new_page()
    log_in(coordinator, "marieke")
    coordinator.get_by_label("Code uit uw authenticator-app").fill(token_for(device))
    coordinator.get_by_role("button", name="Bevestigen").click()
    coordinator.get_by_role("link", name="Koppellinks").click()
    coordinator.get_by_role("row").filter(has_text="(kees)").get_by_role("button").click()
    link = coordinator.get_by_label("Koppellink").input_value()
    assert "/inloggen/koppelen/?sleutel=" in link
    screenshot(coordinator, "enrolment-link-issued")
    assert not serious_violations(coordinator)

    # Kees: the password alone gets only the explanation.
    kees = new_page()
    violations = csp_violations(kees)
    virtual_authenticator(kees)
    log_in(kees, "kees")
    expect(kees.get_by_role("heading", name="Uw koppellink is nodig")).to_be_visible()
    kees.get_by_role("button", name="Uitloggen").click()

    # With the link: log in, then set up a passkey.
    kees.goto(link)
    expect(kees).to_have_url(re.compile("/inloggen/"))
    kees.get_by_label("Gebruikersnaam").fill("kees")
    kees.get_by_label("Wachtwoord").fill("correct horse battery staple")
    kees.get_by_role("button", name="Inloggen").click()
    expect(kees.get_by_role("heading", name="Tweede stap instellen")).to_be_visible()
    screenshot(kees, "enrol")
    assert not serious_violations(kees)
    kees.get_by_role("button", name="Passkey instellen").click()
    expect(kees).to_have_url(re.compile("/inbox/"))
    assert WebAuthnCredential.objects.filter(user=world.people.kees, confirmed=True).count() == 1
    assert EnrolmentLink.objects.get(user=world.people.kees).used_at is not None

    # The next login: the passkey is the second step.
    kees.get_by_role("button", name="Uitloggen").click()
    log_in(kees, "kees")
    expect(kees).to_have_url(re.compile("/inloggen/code/"))
    screenshot(kees, "verify-passkey")
    assert not serious_violations(kees)
    kees.get_by_role("button", name="Inloggen met passkey").click()
    expect(kees).to_have_url(re.compile("/inbox/"))
    expect(kees.get_by_role("heading", name="Inbox")).to_be_visible()
    assert violations == []
