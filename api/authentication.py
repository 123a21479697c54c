# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""OAuth2 client credentials: the client acts as its service account, with its application named.

A bearer token counts only when its application has an active `ClientAuthorisation` and a
service account that is active; the request's user is then that account, and every audit entry
the request writes names the client application as the tool the account acted through
(audit.services.trail.use_tool; reset per request by api.middleware.ClientToolMiddleware).
"""

from __future__ import annotations

from typing import Any

from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from rest_framework.request import Request

from audit.services.trail import use_tool


class ClientCredentialsAuthentication(OAuth2Authentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        found = super().authenticate(request)
        if found is None:
            return None
        _user, token = found
        application = token.application
        authorisation = getattr(application, "authorisation", None) if application is not None else None
        account = application.user if application is not None else None
        if authorisation is None or not authorisation.active or account is None or not account.is_active:
            request.oauth2_error = {"error": "invalid_token"}
            return None
        use_tool(application.client_id)
        request.api_client = authorisation
        return account, token
