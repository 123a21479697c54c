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

from auditlog.context import auditlog_value
from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from rest_framework.request import Request

from audit.services.trace import name_caller
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
        # A caller that sent a traceparent is named in LDV's foreign_operation by its client id.
        name_caller(f"urn:nl:overdracht:api-client:{application.client_id}")
        _name_actor_for_auditlog(account)
        request.api_client = authorisation
        return account, token


def _name_actor_for_auditlog(account: Any) -> None:
    """What AuditlogMiddleware does for a logged-in page user, for the account (known only now).

    The middleware read the user before the view authenticated the token (anonymous then); entries
    written outside a service's audit_context (a notice to a colleague) must still name the account,
    and, through it, its organisation and role (audit.services.trail), as they do on the pages.
    """
    try:
        context = auditlog_value.get()
    except LookupError:  # outside a request (no middleware)
        return
    context["actor"] = account
