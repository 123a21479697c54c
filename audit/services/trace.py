"""A trace id per request, shared by every audit entry that request writes."""

import logging
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


class TraceIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _trace_id.set(uuid.uuid4().hex)
        try:
            return self.get_response(request)
        finally:
            _trace_id.reset(token)


class TraceIdFilter(logging.Filter):
    """Gives every log record the request's trace id ("-" outside a request), as the 500 page shows it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.trace_id = _trace_id.get() or "-"
        return True
