# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from audit.services.trail import tool_scope


class ClientToolMiddleware:
    """The client application an API request acts through is named by its audit entries — this request's only.

    Wraps RefusedAttemptMiddleware: refusals are written after the view, still naming the client.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with tool_scope():
            return self.get_response(request)
