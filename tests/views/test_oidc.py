# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on (OpenID Connect) against a real provider process: who gets in, who is refused and why, logout.

Every login goes through oidc-provider-mock on loopback (tests/oidc_provider.py): our login view
sends the browser to the provider, the test answers the provider's login form as a subject, and
the provider's redirect comes back to our callback, which exchanges the code at the provider's
token endpoint and checks the ID token against the provider's published keys.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.oidc import OIDCBackend, OIDCRefused, Refusal
from tests.factories import UserFactory
from tests.oidc_provider import CLIENT_ID, running_provider
from tests.test_settings import PRODUCTION_ENV, manage


def log_in_through(provider, client, sub: str, *, start: str | None = None):
    """Our login link → the provider's login form, answered as `sub` → our callback's answer."""
    response = client.get(start or reverse("oidc_authentication_init"))
    assert response.status_code == 302 and response["Location"].startswith(provider.url)
    back = urlsplit(provider.authorize(response["Location"], sub))
    assert back.path == reverse("oidc_authentication_callback")
    return client.get(f"{back.path}?{back.query}")


def refusal_text(response) -> str:
    assert response.status_code == 403
    html = response.content.decode()
    assert "Inloggen niet gelukt" in html and 'role="alert"' in html
    return html


def test_without_configuration_there_is_no_single_sign_on(world, client, settings):
    settings.OIDC_ENABLED = False
    page = client.get(reverse("login")).content.decode()
    assert "Met uw organisatie" not in page and reverse("oidc_authentication_init") not in page
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback") + "?code=x&state=y").status_code == 404
    # The password login still works with the OIDC backend listed.
    response = client.post(reverse("login"), {"username": "kees", "password": "correct horse battery staple"})
    assert response.status_code == 302


def test_the_login_page_offers_both_ways_in(world, client, oidc):
    page = client.get(reverse("login") + "?next=/inbox/").content.decode()
    assert "Inloggen met het account van uw organisatie" in page
    assert f'href="{reverse("oidc_authentication_init")}?next=%2Finbox%2F"' in page
    assert 'name="password"' in page  # local accounts with TOTP stay


def test_login_through_the_provider_lands_on_the_start_page(world, client, oidc):
    response = log_in_through(oidc, client, "kees@example.invalid")
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == reverse("inbox")
    assert client.get(reverse("inbox")).status_code == 200
    assert int(client.session["_auth_user_id"]) == world.people.kees.pk
    # Audited as a password login is: django-axes' access log, for this account and this way in.
    entry = AccessLog.objects.get(username="kees")
    assert entry.path_info == reverse("oidc_authentication_callback") and entry.logout_time is None


def test_the_next_page_survives_the_round_trip(world, client, oidc):
    start = reverse("oidc_authentication_init") + "?next=" + reverse("sent")
    response = log_in_through(oidc, client, "kees@example.invalid", start=start)
    assert response["Location"] == reverse("sent")


def test_the_claim_that_names_the_user_is_configurable(world, client, oidc, settings):
    settings.OIDC_USER_CLAIM, settings.OIDC_USER_FIELD = "preferred_username", "username"
    oidc.set_user("9f1c-kees", {"preferred_username": "kees", "email": "someone-else@example.invalid"})
    response = log_in_through(oidc, client, "9f1c-kees")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == world.people.kees.pk


def test_an_unknown_user_is_refused_and_not_created(world, client, oidc, caplog):
    users = get_user_model().objects.count()
    html = refusal_text(log_in_through(oidc, client, "nieuw@example.invalid"))
    assert "Overdracht kent geen account dat bij u hoort" in html
    assert "coördinator" in html
    assert "nieuw@example.invalid" not in html  # the claim is not echoed
    assert "nieuw@example.invalid" not in caplog.text  # nor logged
    assert "OIDC login refused: unknown_user" in caplog.text
    assert get_user_model().objects.count() == users
    assert "_auth_user_id" not in client.session


def test_an_inactive_user_is_refused_and_the_attempt_recorded(world, client, oidc):
    kees = world.people.kees
    kees.is_active = False
    kees.save(update_fields=["is_active"])
    html = refusal_text(log_in_through(oidc, client, "kees@example.invalid"))
    assert "Uw account in Overdracht is uitgeschakeld" in html
    assert "_auth_user_id" not in client.session
    # As a refused password login: a failed attempt of that account (django-axes).
    assert AccessAttempt.objects.filter(username="kees").exists()


def test_repeated_refusals_keep_saying_why_rather_than_wrong_password(world, client, oidc, settings):
    """The refusals count as failed attempts of the account, but the page is not axes' "wrong password" lockout."""
    settings.AXES_FAILURE_LIMIT = 2
    kees = world.people.kees
    kees.is_active = False
    kees.save(update_fields=["is_active"])
    for _ in range(3):
        assert "uitgeschakeld" in refusal_text(log_in_through(oidc, client, "kees@example.invalid"))
    assert AccessAttempt.objects.get(username="kees").failures_since_start == 3


def test_a_user_without_an_active_membership_is_refused(world, client, oidc):
    UserFactory(username="losse-hulp")
    html = refusal_text(log_in_through(oidc, client, "losse-hulp@example.invalid"))
    assert "geen actieve rol bij een organisatie" in html
    assert "_auth_user_id" not in client.session


def test_an_unverified_email_is_refused(world, client, oidc):
    oidc.set_user("kees-unverified", {"email": "kees@example.invalid", "email_verified": False})
    html = refusal_text(log_in_through(oidc, client, "kees-unverified"))
    assert "e-mailadres niet bevestigd" in html


def test_an_expired_id_token_is_refused(world, client, settings):
    # A provider whose tokens expired five minutes before they were issued (beyond the clock leeway).
    with running_provider("--token-max-age=-300") as expired:
        for name, value in expired.settings().items():
            setattr(settings, name, value)
        html = refusal_text(log_in_through(expired, client, "kees@example.invalid"))
    assert "Het bewijs van inloggen van uw organisatie was verlopen" in html
    assert "_auth_user_id" not in client.session


def test_an_id_token_for_another_client_is_refused(world, rf, oidc):
    """mozilla-django-oidc decodes ID tokens with verify_aud=False; our backend checks the audience."""
    token = oidc.id_token_for("andere-app", "kees@example.invalid")
    assert token.count(".") == 2
    backend = OIDCBackend()
    backend.request = rf.get("/")
    with pytest.raises(OIDCRefused) as refused:
        backend.verify_token(token, nonce="n")
    assert refused.value.reason is Refusal.WRONG_AUDIENCE
    # The same provider's token for our own client passes the same check.
    assert backend.verify_token(oidc.id_token_for(CLIENT_ID, "kees@example.invalid"), nonce="n")["aud"] == [CLIENT_ID]


def test_a_code_issued_to_another_client_is_refused(world, client, oidc):
    response = client.get(reverse("oidc_authentication_init"))
    assert f"client_id={CLIENT_ID}&" in response["Location"]
    # The browser comes back with a code the provider gave to another application.
    other = response["Location"].replace(f"client_id={CLIENT_ID}&", "client_id=andere-app&")
    back = urlsplit(oidc.authorize(other, "kees@example.invalid"))
    html = refusal_text(client.get(f"{back.path}?{back.query}"))
    assert "gaf een fout" in html
    assert "_auth_user_id" not in client.session


def test_a_token_from_another_issuer_is_refused(world, client, oidc, settings):
    settings.OIDC_OP_ISSUER = "https://inloggen.elders.example"
    html = refusal_text(log_in_through(oidc, client, "kees@example.invalid"))
    assert "kwam niet van de inlogdienst die Overdracht vertrouwt" in html


def test_a_callback_this_session_did_not_start_is_refused(world, client, oidc):
    html = refusal_text(client.get(reverse("oidc_authentication_callback") + "?code=abc&state=unknown"))
    assert "verlopen of al gebruikt" in html
    # Replaying a real answer of the provider: its state was used up by the first one.
    response = client.get(reverse("oidc_authentication_init"))
    back = urlsplit(oidc.authorize(response["Location"], "kees@example.invalid"))
    assert client.get(f"{back.path}?{back.query}").status_code == 302
    client.post(reverse("logout"))
    assert "verlopen of al gebruikt" in refusal_text(client.get(f"{back.path}?{back.query}"))


def test_cancelling_at_the_provider_says_so(world, client, oidc):
    import requests

    response = client.get(reverse("oidc_authentication_init"))
    denied = requests.post(response["Location"], data={"action": "deny"}, allow_redirects=False, timeout=5)
    back = urlsplit(denied.headers["Location"])
    assert "afgebroken" in refusal_text(client.get(f"{back.path}?{back.query}"))


# --- Two-factor: the provider's word counts only when its claims show it, or the installation trusts it.


def test_with_two_factor_required_a_plain_provider_login_still_asks_for_the_code(world, client, oidc, settings):
    settings.REQUIRE_TWO_FACTOR = True
    oidc.set_user("kees-pwd", {"email": "kees@example.invalid", "amr": ["pwd"]})
    log_in_through(oidc, client, "kees-pwd")
    response = client.get(reverse("inbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("verify"))


def test_with_two_factor_required_a_provider_login_with_mfa_is_verified(world, client, oidc, settings):
    settings.REQUIRE_TWO_FACTOR = True
    oidc.set_user("kees-mfa", {"email": "kees@example.invalid", "amr": ["pwd", "mfa"]})
    log_in_through(oidc, client, "kees-mfa")
    assert client.get(reverse("inbox")).status_code == 200


def test_an_assurance_level_can_count_as_two_factor(world, client, oidc, settings):
    settings.REQUIRE_TWO_FACTOR = True
    settings.OIDC_TWO_FACTOR_ACR = ["urn:etoegang:core:assurance-class:loa3"]
    oidc.set_user("kees-loa3", {"email": "kees@example.invalid", "acr": "urn:etoegang:core:assurance-class:loa3"})
    log_in_through(oidc, client, "kees-loa3")
    assert client.get(reverse("inbox")).status_code == 200


def test_an_installation_may_trust_its_provider_for_the_second_factor(world, client, oidc, settings):
    settings.REQUIRE_TWO_FACTOR = True
    settings.OIDC_TRUST_PROVIDER_TWO_FACTOR = True
    log_in_through(oidc, client, "kees@example.invalid")
    assert client.get(reverse("inbox")).status_code == 200


def test_the_provider_mark_does_not_verify_a_password_login(world, client, oidc, settings):
    """The session mark counts only for the OIDC login it was given to."""
    from accounts.oidc import SECOND_FACTOR_SESSION_KEY

    settings.REQUIRE_TWO_FACTOR = True
    client.post(reverse("login"), {"username": "kees", "password": "correct horse battery staple"})
    session = client.session
    session[SECOND_FACTOR_SESSION_KEY] = world.people.kees.pk
    session.save()
    assert client.get(reverse("inbox"))["Location"].startswith(reverse("verify"))


# --- Logout


def test_logout_ends_the_session_and_goes_to_the_providers_end_session(world, client, oidc):
    log_in_through(oidc, client, "kees@example.invalid")
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    end_session = urlsplit(response["Location"])
    assert f"{end_session.scheme}://{end_session.netloc}{end_session.path}" == oidc.discovery()["end_session_endpoint"]
    query = parse_qs(end_session.query)
    assert query == {"client_id": [CLIENT_ID], "post_logout_redirect_uri": ["http://testserver/inloggen/"]}
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("inbox"))["Location"].startswith(reverse("login"))
    assert AccessLog.objects.get(username="kees").logout_time is not None


def test_a_password_login_logs_out_as_before(world, client, oidc):
    client.post(reverse("login"), {"username": "kees", "password": "correct horse battery staple"})
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")


def test_a_deactivated_user_loses_a_provider_session(world, client, oidc):
    log_in_through(oidc, client, "kees@example.invalid")
    get_user_model().objects.filter(pk=world.people.kees.pk).update(is_active=False)
    assert client.get(reverse("inbox"))["Location"].startswith(reverse("login"))


# --- Configuration


def test_production_refuses_a_half_configured_provider():
    result = manage("check", env={**PRODUCTION_ENV, "OIDC_RP_CLIENT_ID": "overdracht"})
    assert result.returncode != 0
    assert "OIDC_OP_ISSUER" in result.stderr and "OIDC_RP_CLIENT_SECRET" in result.stderr


def test_the_logout_endpoint_joins_the_form_action_policy():
    env = {
        **PRODUCTION_ENV,
        "OIDC_RP_CLIENT_ID": "overdracht",
        "OIDC_RP_CLIENT_SECRET": "s",
        "OIDC_OP_ISSUER": "https://login.example.nl",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.example.nl/authorize",
        "OIDC_OP_TOKEN_ENDPOINT": "https://login.example.nl/token",
        "OIDC_OP_USER_ENDPOINT": "https://login.example.nl/userinfo",
        "OIDC_OP_JWKS_ENDPOINT": "https://login.example.nl/jwks",
        "OIDC_OP_LOGOUT_ENDPOINT": "https://login.example.nl/logout",
    }
    code = "from django.conf import settings; print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'])"
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[\"'self'\", 'https://login.example.nl']"
