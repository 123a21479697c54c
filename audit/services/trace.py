# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A trace id per request, shared by every audit entry that request writes."""

import logging
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

_trace_id: ContextVar[str | None] = ContextVar("trace_id", default=None)


def current_trace_id() -> str:
    """Also used by django-auditlog (AUDITLOG_CID_GETTER) as the correlation id."""
    trace_id = _trace_id.get()
    if trace_id is None:
        # Outside a request (management commands, tests): one id per context.
        trace_id = uuid.uuid4().hex
        _trace_id.set(trace_id)
    return trace_id


def new_trace() -> str:
    trace_id = uuid.uuid4().hex
    _trace_id.set(trace_id)
    return trace_id


request_log = logging.getLogger("overdracht.request")


class TraceIdMiddleware:
    """Gives each request its trace id, and writes one log line per request carrying it.

    The line names the method, the path without its query string (paths carry ids only; a
    query string may carry a search term), the status, the time taken and the user's id.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _trace_id.set(uuid.uuid4().hex)
        started = time.monotonic()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            return response
        finally:
            user = getattr(request, "user", None)
            request_log.info(
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "user_id": getattr(user, "pk", None),
                },
            )
            _trace_id.reset(token)


class TraceIdFilter(logging.Filter):
    """Gives every log record the request's trace id ("-" outside a request), as the 500 page shows it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.trace_id = _trace_id.get() or "-"
        return True
