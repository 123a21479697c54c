# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Client applications: the token flow, the scopes the administrator granted, problem details,
the rate limit per client, and the docs page under the site's Content Security Policy."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from oauth2_provider.models import Application

from api.models import ClientAuthorisation
from api.scopes import REFERRALS_READ, SCOPES
from referrals import services
from tests.api.conftest import fetch_token, register_client
from tests.factories import UserFactory, member


def test_a_token_from_the_client_credentials_opens_the_api_and_a_wrong_secret_does_not(world):
    application, secret = register_client(world.people.kees, world.orgs.kredietbank)
    http = Client()
    assert fetch_token(http, application, "not-the-secret").status_code == 401
    assert http.get("/api/v1/inbox/").status_code == 401
    token = fetch_token(http, application, secret).json()
    assert token["token_type"] == "Bearer" and token["expires_in"] > 0
    assert set(token["scope"].split()) == set(SCOPES)
    assert http.get("/api/v1/inbox/", headers={"Authorization": f"Bearer {token['access_token']}"}).status_code == 200
    # A garbled token is no login.
    unauthorised = http.get("/api/v1/inbox/", headers={"Authorization": "Bearer nonsense"})
    assert unauthorised.status_code == 401 and unauthorised["Content-Type"] == "application/problem+json"
    assert unauthorised["WWW-Authenticate"].startswith("Bearer")


def test_a_client_gets_only_the_scopes_it_was_given_and_calls_only_what_they_allow(world, draft, api_client):
    services.referral_send(referral=draft, actor=world.people.fatima)
    application, secret = register_client(world.people.kees, world.orgs.kredietbank, scopes=[REFERRALS_READ])
    http = Client()
    assert fetch_token(http, application, secret, scope="referrals:act").json()["error"] == "invalid_scope"
    token = fetch_token(http, application, secret).json()
    assert token["scope"] == REFERRALS_READ
    auth = {"Authorization": f"Bearer {token['access_token']}"}
    assert http.get(f"/api/v1/referrals/{draft.pk}/", headers=auth).status_code == 200
    refused = http.post(f"/api/v1/referrals/{draft.pk}/accept/", content_type="application/json", headers=auth)
    assert refused.status_code == 403 and refused["Content-Type"] == "application/problem+json"
    assert http.get("/api/v1/directory/services/", headers=auth).status_code == 403
    draft.refresh_from_db()
    assert draft.state == "sent"


def test_a_deactivated_client_or_a_deactivated_account_gets_no_further(world, api_client):
    kees = api_client(world.people.kees, world.orgs.kredietbank)
    ClientAuthorisation.objects.filter(application=kees.application).update(active=False)
    assert kees.get("/api/v1/inbox/").status_code == 401


def test_the_administrator_binds_a_client_to_an_account_of_that_organisation_only(world):
    account = member(UserFactory(username="systeem-kredietbank"), world.orgs.kredietbank, "intake")
    application = Application.objects.create(
        name="Kredietbank-systeem",
        user=account,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
    )
    with pytest.raises(ValidationError):  # no membership at the Taalhuis
        ClientAuthorisation(
            application=application, organisation=world.orgs.taalhuis, scopes=[REFERRALS_READ]
        ).full_clean()
    with pytest.raises(ValidationError):
        ClientAuthorisation(
            application=application, organisation=world.orgs.kredietbank, scopes=["everything"]
        ).full_clean()
    member(account, world.orgs.taalhuis, "intake")
    with pytest.raises(ValidationError):  # one organisation per client
        ClientAuthorisation(
            application=application, organisation=world.orgs.kredietbank, scopes=[REFERRALS_READ]
        ).full_clean()


def test_errors_are_problem_details_in_dutch_or_english(world, api_client):
    kees = api_client(world.people.kees, world.orgs.kredietbank)
    dutch = kees.get("/api/v1/referrals/123456/")
    english = kees.get("/api/v1/referrals/123456/", **{"Accept-Language": "en"})
    for response in (dutch, english):
        assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert dutch.json()["title"] == "Niet gevonden" and english.json()["title"] == "Not found"
    assert english.json() == {
        "type": "urn:overdracht:problem:not_found",
        "title": "Not found",
        "status": 404,
        "detail": "This does not exist, or this client may not see it.",
        "instance": "/api/v1/referrals/123456/",
    }
    invalid = kees.post("/api/v1/referrals/123456/decline/", {"reason": "bored"}, **{"Accept-Language": "en"})
    assert invalid.status_code == 404  # not visible comes before the input: nothing to learn from it
    bad_box = kees.get("/api/v1/inbox/?box=everything", **{"Accept-Language": "en"}).json()
    assert bad_box["status"] == 400 and bad_box["title"] == "Invalid input"
    assert bad_box["invalid_params"][0]["name"] == "box"
    # A path that names nothing under /api/v1/ is a problem document too, not the site's HTML page.
    assert kees.get("/api/v1/verwijzingen/")["Content-Type"] == "application/problem+json"


def test_the_rate_limit_counts_per_client_in_the_shared_database_cache(world, api_client, settings):
    settings.API_RATE_LIMIT = "3/minute"
    kees = api_client(world.people.kees, world.orgs.kredietbank)
    marieke = api_client(world.people.marieke, world.orgs.kredietbank)
    assert [kees.get("/api/v1/inbox/").status_code for _ in range(4)] == [200, 200, 200, 429]
    limited = kees.get("/api/v1/inbox/", **{"Accept-Language": "en"})
    assert limited["Content-Type"] == "application/problem+json" and int(limited["Retry-After"]) > 0
    assert limited.json()["title"] == "Too many requests"
    assert marieke.get("/api/v1/inbox/").status_code == 200  # another client has its own count
    # The counts are rows of the database cache, which every server process shares.
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM api_throttle_cache")
        assert cursor.fetchone()[0] == 2
    assert caches["api_throttle"].get(f"throttle_client_{kees.application.pk}") is not None


def test_the_docs_page_keeps_the_content_security_policy_and_serves_its_own_assets(db):
    http = Client()
    page = http.get("/api/v1/docs/")
    assert page.status_code == 200
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    html = page.content.decode()
    assert "<style" not in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    assert scripts and all('src="/' in attrs and not body.strip() for attrs, body in scripts)
    for path in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert finders.find(path.removeprefix("/static/")), path  # served by the app, no CDN
    start = http.get("/api/v1/docs/?script=")
    assert start.status_code == 200 and start["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in start.content.decode()
    schema = http.get("/api/v1/schema/?format=json").json()
    assert (
        schema["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]["tokenUrl"] == "/api/v1/token/"
    )
    assert "/api/v1/referrals/{id}/accept/" in schema["paths"]


def test_a_page_number_that_is_not_one_is_invalid_input(world, api_client):
    kees = api_client(world.people.kees, world.orgs.kredietbank)
    assert kees.get("/api/v1/inbox/?page=").status_code == 400  # DRF alone reads it as page 1
    assert kees.get("/api/v1/inbox/?page=last").status_code == 400
    assert kees.get("/api/v1/inbox/?page=1").status_code == 200


def test_a_missing_scope_is_refused_in_the_callers_language(world, api_client):
    """The scope refusal, like the titles, comes from the project's catalogue (locale/en)."""
    kees = api_client(world.people.kees, world.orgs.kredietbank, scopes=[REFERRALS_READ])
    english = kees.get("/api/v1/directory/services/", **{"Accept-Language": "en"}).json()
    dutch = kees.get("/api/v1/directory/services/").json()
    assert english["status"] == 403 and english["title"] == "Forbidden"
    assert english["detail"] == "This client does not have the scope for this call."
    assert dutch["title"] == "Niet toegestaan"
    assert dutch["detail"] == "Deze koppeling heeft de scope voor deze aanroep niet."
