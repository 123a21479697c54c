# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""API clients as the functional administrator registers them, with tokens from the real token endpoint."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import pytest
from django.test import Client
from oauth2_provider.models import Application

from api.models import ClientAuthorisation
from api.scopes import SCOPES


@dataclass
class ApiClient:
    """A Django test client that calls the API with a bearer token, as a partner system would."""

    application: Application
    token: str
    http: Client

    def get(self, path: str, **headers: str):
        return self.http.get(path, headers={"Authorization": f"Bearer {self.token}", **headers})

    def post(self, path: str, data: dict | None = None, **headers: str):
        return self.http.post(
            path,
            data=data or {},
            content_type="application/json",
            headers={"Authorization": f"Bearer {self.token}", **headers},
        )


def register_client(account, organisation, scopes=tuple(SCOPES)) -> tuple[Application, str]:
    """An application (client credentials) bound to `account`, authorised for `organisation` and `scopes`."""
    secret = secrets.token_urlsafe(32)
    application = Application.objects.create(
        name=f"Systeem van {organisation.slug} ({account.username})",
        user=account,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
        client_secret=secret,
    )
    authorisation = ClientAuthorisation(application=application, organisation=organisation, scopes=list(scopes))
    authorisation.full_clean()
    authorisation.save()
    return application, secret


def fetch_token(http: Client, application: Application, secret: str, scope: str | None = None):
    data = {"grant_type": "client_credentials", "client_id": application.client_id, "client_secret": secret}
    if scope is not None:
        data["scope"] = scope
    return http.post("/api/v1/token/", data=data)


@pytest.fixture
def api_client(db):
    """`api_client(account, organisation, scopes=...)`: a client with a token fetched through /api/v1/token/."""

    def make(account, organisation, scopes=tuple(SCOPES)) -> ApiClient:
        application, secret = register_client(account, organisation, scopes)
        http = Client()
        response = fetch_token(http, application, secret)
        assert response.status_code == 200, response.content
        return ApiClient(application=application, token=response.json()["access_token"], http=http)

    return make
