# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""One trace per operation, and the actions (spans) in it, as Logboek Dataverwerkingen asks.

An operation is one request, one API call, one management command run or one job run: each
starts its own trace (`operation()`; the middleware for requests, `TracedCommand` for
commands, `traced()` for a job's function). Every audit entry written in it carries the
trace id (auditlog's `cid`) and an action of its own (span id). A service (`audited()`)
opens an action span: its first entry *is* that action, and the entries it writes after
it (the grants, notices, follow-ups the action starts) name it as their `parent_span_id`.

A caller that sends a W3C `traceparent` header does not make its trace ours: the standard
wants a trace of our own per processing, with the caller's trace and span recorded as
`foreign_operation` on each entry. Every response carries our `traceparent`, so the caller
can record ours in turn.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, TypeVar

from django.core.management.base import BaseCommand
from django.http import HttpRequest, HttpResponse

_trace_id: ContextVar[str | None] = ContextVar("trace_id", default=None)
_span: ContextVar[Span | None] = ContextVar("ldv_span", default=None)
_foreign: ContextVar[ForeignOperation | None] = ContextVar("ldv_foreign_operation", default=None)

# Who called, when the caller did not say: the API names its client application instead.
UNKNOWN_CALLER = "urn:nl:overdracht:aanroeper:onbekend"


def _new_trace_id() -> str:
    return secrets.token_hex(16)  # 16 bytes, as LDV's trace_id and W3C's trace-id


def new_span_id() -> str:
    return secrets.token_hex(8)  # 8 bytes, as LDV's span_id and W3C's parent-id


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class Span:
    """An action in the current trace. `claimed` once an audit entry carries its id (see the module)."""

    span_id: str
    started_ms: int
    parent: Span | None = None
    name: str = ""
    claimed: bool = False

    def logged_ancestor(self) -> Span | None:
        """The nearest span (this one included) that an entry carries: a parent that is in the log."""
        span: Span | None = self
        while span is not None and not span.claimed:
            span = span.parent
        return span


@dataclass(frozen=True)
class ForeignOperation:
    """The caller's action that started this operation (LDV `foreign_operation`)."""

    trace_id: str
    span_id: str
    entity: str = UNKNOWN_CALLER

    def as_dict(self) -> dict[str, str]:
        return {"trace_id": self.trace_id, "span_id": self.span_id, "entity": self.entity}


@dataclass(frozen=True)
class EntrySpan:
    """What one audit entry records of its action: its own span, its parent's, its start."""

    span_id: str
    parent_span_id: str | None
    started_ms: int
    foreign: ForeignOperation | None = field(default=None)


def current_trace_id() -> str:
    """Also used by django-auditlog (AUDITLOG_CID_GETTER) as the correlation id."""
    trace_id = _trace_id.get()
    if trace_id is None:
        # Outside any operation (a shell, a test): one id per context.
        trace_id = _new_trace_id()
        _trace_id.set(trace_id)
    return trace_id


def new_trace() -> str:
    """Start a fresh trace in this context (no span, no caller). Prefer `operation()`."""
    trace_id = _new_trace_id()
    _trace_id.set(trace_id)
    _span.set(None)
    _foreign.set(None)
    return trace_id


@contextmanager
def operation(name: str, *, foreign: ForeignOperation | None = None) -> Iterator[Span]:
    """One operation (request, command run, job run): its own trace, for everything written inside.

    The operation's own span is not an action in the log (its entries are); it is what a
    `traceparent` on the response names.
    """
    root = Span(span_id=new_span_id(), started_ms=now_ms(), name=name)
    tokens = (_trace_id.set(_new_trace_id()), _span.set(root), _foreign.set(foreign))
    try:
        yield root
    finally:
        _foreign.reset(tokens[2])
        _span.reset(tokens[1])
        _trace_id.reset(tokens[0])


F = TypeVar("F", bound=Callable[..., Any])


def traced(name: str) -> Callable[[F], F]:
    """Decorator: each call of the function is one operation with its own trace (a job's run)."""

    def decorate(func: F) -> F:
        @wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with operation(name):
                return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


@contextmanager
def action(name: str = "") -> Iterator[Span]:
    """An action within the current trace; actions opened inside it are its children."""
    span = Span(span_id=new_span_id(), started_ms=now_ms(), parent=_span.get(), name=name)
    token = _span.set(span)
    try:
        yield span
    finally:
        _span.reset(token)


def current_span() -> Span | None:
    return _span.get()


def current_foreign_operation() -> ForeignOperation | None:
    return _foreign.get()


def name_caller(entity: str) -> None:
    """The API, once it knows the client application, names it as the caller (a URI)."""
    foreign = _foreign.get()
    if foreign is not None:
        _foreign.set(ForeignOperation(foreign.trace_id, foreign.span_id, entity))


def span_for_entry() -> EntrySpan:
    """The span an audit entry written now records (see the module): claims the open action once."""
    span = _span.get()
    foreign = _foreign.get()
    if span is not None and span.parent is not None and not span.claimed:
        # The first entry of an action is the action itself.
        span.claimed = True
        parent = span.parent.logged_ancestor()
        return EntrySpan(span.span_id, parent.span_id if parent else None, span.started_ms, foreign)
    parent = span.logged_ancestor() if span is not None else None
    return EntrySpan(new_span_id(), parent.span_id if parent else None, now_ms(), foreign)


# --- W3C Trace Context (https://www.w3.org/TR/trace-context/#traceparent-header)
_TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$")


def parse_traceparent(header: str | None) -> ForeignOperation | None:
    """The caller's trace and span from a `traceparent` header; None when absent or invalid (then ignored)."""
    if not header:
        return None
    match = _TRACEPARENT.match(header.strip().lower())
    if match is None:
        return None
    version, trace_id, span_id, _flags, rest = match.groups()
    if version == "ff" or (version == "00" and rest) or set(trace_id) == {"0"} or set(span_id) == {"0"}:
        return None
    return ForeignOperation(trace_id=trace_id, span_id=span_id)


def traceparent(trace_id: str, span_id: str) -> str:
    return f"00-{trace_id}-{span_id}-01"


request_log = logging.getLogger("overdracht.request")


class TraceIdMiddleware:
    """Gives each request its trace, and writes one log line per request carrying the trace id.

    An incoming `traceparent` is recorded as the caller's operation; the response carries ours.
    The line names the method, the path without its query string (paths carry ids only; a
    query string may carry a search term), the status, the time taken and the user's id.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.monotonic()
        status = 500
        foreign = parse_traceparent(request.headers.get("traceparent"))
        with operation(f"{request.method} request", foreign=foreign) as root:
            trace_id = current_trace_id()
            try:
                response = self.get_response(request)
                status = response.status_code
                response["traceparent"] = traceparent(trace_id, root.span_id)
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


class TraceIdFilter(logging.Filter):
    """Gives every log record the request's trace id ("-" outside a request), as the 500 page shows it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.trace_id = _trace_id.get() or "-"
        return True


class TracedCommand(BaseCommand):
    """A management command whose every run is one operation with its own trace.

    Our commands derive from this one (a test checks), and so can the job runner's.
    """

    def execute(self, *args: Any, **options: Any) -> Any:
        with operation(f"command {type(self).__module__.rsplit('.', 1)[-1]}"):
            return super().execute(*args, **options)
