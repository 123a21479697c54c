# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Errors as RFC 9457 problem details (application/problem+json), in Dutch or English.

The language follows Accept-Language (Django's LocaleMiddleware): the titles here, the policies'
reasons through the project's translations. Never personal data: a detail is a policy's reason
or a field's validation message, and a 404 does not say whether the object exists.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_JSON = "application/problem+json"

# By status; in the request's language through the project's catalogue (locale/en).
_TITLES = {
    400: _("Ongeldige invoer"),
    401: _("Niet aangemeld"),
    403: _("Niet toegestaan"),
    404: _("Niet gevonden"),
    405: _("Methode niet toegestaan"),
    406: _("Niet aanvaardbaar"),
    409: _("Kan nu niet"),
    415: _("Mediatype niet ondersteund"),
    429: _("Te veel aanvragen"),
}
_ERROR = _("Fout")
_DETAILS = {
    401: _("Meld de koppeling aan met een geldig toegangstoken (OAuth2 client credentials)."),
    404: _("Dit bestaat niet, of deze koppeling mag het niet zien."),
    429: _("De koppeling doet te veel aanvragen; probeer het over %(wait)s seconden opnieuw."),
}


class ActionNotPossible(exceptions.APIException):
    """A service refused the transition (ActionRefused): its reason, in words a user understands.

    `code` names the problem type (default "refused"); `extra` adds members to the problem document
    (e.g. the possible existing case's regisseur), never personal data of a resident.
    """

    status_code = status.HTTP_409_CONFLICT
    default_code = "refused"

    def __init__(
        self, message: str, field: str | None = None, *, code: str = "refused", extra: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.field = field
        self.problem_code = code
        self.extra = extra or {}


def problem(status_code: int, *, detail: str = "", instance: str = "", code: str = "", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"urn:overdracht:problem:{code}" if code else "about:blank",
        "title": str(_TITLES.get(status_code, _ERROR)),
        "status": status_code,
    }
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    return body | extra


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's EXCEPTION_HANDLER: every error it knows as a problem document; others stay a 500."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):  # the access helpers' 403 carries the policy's reason
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    code = status_code = response.status_code
    extra: dict[str, Any] = {}
    if isinstance(exc, exceptions.ValidationError):
        detail = str(_TITLES[400])
        extra["invalid_params"] = _invalid_params(exc.detail)
        code = "invalid"
    elif isinstance(exc, exceptions.Throttled):
        detail = str(_DETAILS[429]) % {"wait": int(exc.wait or 1)}
        code = "throttled"
    elif isinstance(exc, ActionNotPossible):
        detail = str(exc.detail)
        if exc.field:
            extra["invalid_params"] = [{"name": exc.field, "reason": detail}]
        extra |= exc.extra
        code = exc.problem_code
    elif status_code in _DETAILS:
        detail = str(_DETAILS[status_code])
        code = {401: "unauthenticated", 404: "not_found"}[status_code]
    else:
        detail = str(getattr(exc, "detail", "")) or str(_TITLES.get(status_code, _ERROR))
        code = getattr(exc, "default_code", "") or ""
    response.data = problem(
        status_code, detail=detail, instance=request.path if request is not None else "", code=str(code), **extra
    )
    response.content_type = PROBLEM_JSON
    return response


def _invalid_params(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """DRF's nested error detail, flattened to RFC 9457's `invalid_params` (name, reason)."""
    if isinstance(detail, dict):
        return [
            p
            for key, value in detail.items()
            for p in _invalid_params(value, f"{prefix}{key}" if not prefix else f"{prefix}.{key}")
        ]
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return [{"name": prefix or "body", "reason": str(item)} for item in detail]
        return [p for index, item in enumerate(detail) for p in _invalid_params(item, f"{prefix}[{index}]")]
    return [{"name": prefix or "body", "reason": str(detail)}]


@csrf_exempt  # an API call carries a token, no cookie: the site's CSRF page would answer a POST
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """A path under /api/v1/ that names nothing: the same problem document as a 404 from a view."""
    return JsonResponse(
        problem(404, detail=str(_DETAILS[404]), instance=request.path, code="not_found"),
        status=404,
        content_type=PROBLEM_JSON,
    )
