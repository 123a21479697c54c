# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Reading from the read replica: the scope, its view decorator, and read-your-writes.

`read_from_replica()` (a context manager; `@replica_reads` for a view) decides once whether the
scope's reads may go to the replica (settings.DATABASE_READ_REPLICA) and sets the alias the router
(config.db_router) sends them to. The primary answers instead when:
- no replica is configured;
- the primary connection is inside a transaction already (the replica cannot see what it wrote);
- the replica cannot be reached (a warning in the log, and the replica is left alone for
  REPLICA_RETRY_SECONDS, so a dead replica costs one failed connection, not one per page);
- the replica has not yet replayed the user's last write (read-your-writes, below).

Read-your-writes: `ReadYourWritesMiddleware` notes whether a request wrote on the primary (an
execute wrapper sees every statement; no query of its own). After a request that wrote, it asks the
primary for its WAL position (`pg_current_wal_lsn()`, one query) and gives it to the browser in a
signed cookie naming the user. A replica-scoped read for that user first asks the replica whether
it has replayed that far (`pg_last_wal_replay_lsn()`, one query) and otherwise reads from the
primary at once rather than waiting: the primary can answer now, and a page that waited would hold
a server process for the length of the lag. Pages that do not write cost nothing extra.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from config.db_router import reads_from

logger = logging.getLogger(__name__)

LSN_COOKIE = "overdracht_lsn"
_LSN_SALT = "config.replica.read-your-writes"
# After a failed connection, pages read from the primary for this long before the replica is tried again.
REPLICA_RETRY_SECONDS = 30
_unreachable_until: dict[str, float] = {}
_WRITES = ("INSERT", "UPDATE", "DELETE")
_LSN = re.compile(r"[0-9A-F]{1,8}/[0-9A-F]{1,8}")


def replica_alias() -> str:
    """The configured read replica's alias, or "" (then every read is the primary's)."""
    return getattr(settings, "DATABASE_READ_REPLICA", "")


def choose_alias(not_before: str | None = None) -> str:
    """Where a replica-scoped read goes now: the replica, or the primary (see the module)."""
    alias = replica_alias()
    if not alias or connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return DEFAULT_DB_ALIAS
    if _unreachable_until.get(alias, 0.0) > time.monotonic():
        return DEFAULT_DB_ALIAS
    replica = connections[alias]
    try:
        # A kept-alive connection to a replica that died since: the check Django makes before the
        # request's first query anyway (CONN_HEALTH_CHECKS), made here so that it can fall back.
        replica.close_if_health_check_failed()
        replica.ensure_connection()
        if not_before is None:
            return alias
        with replica.cursor() as cursor:
            # NULL when the server is not (or no longer) a standby: then it cannot vouch for anything.
            cursor.execute("SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, false)", [not_before])
            caught_up = cursor.fetchone()[0]
    except DatabaseError as exc:
        # No personal data here: the class of the error only (its text names host and port).
        logger.warning("read replica %r unreachable (%s); reading from the primary", alias, type(exc).__name__)
        _unreachable_until[alias] = time.monotonic() + REPLICA_RETRY_SECONDS
        replica.close()
        return DEFAULT_DB_ALIAS
    return alias if caught_up else DEFAULT_DB_ALIAS


@contextmanager
def reading_from(alias: str) -> Iterator[str]:
    """Send this block's reads to `alias` (already chosen by choose_alias)."""
    token = reads_from.set(alias)
    try:
        yield alias
    finally:
        reads_from.reset(token)


@contextmanager
def read_from_replica(not_before: str | None = None) -> Iterator[str]:
    """Reads in this block go to the replica when it may answer; yields the alias chosen."""
    with reading_from(choose_alias(not_before)) as alias:
        yield alias


def last_write_of(request: HttpRequest) -> str | None:
    """The primary's WAL position after this user's last write, from the signed cookie (or None)."""
    user_id = getattr(getattr(request, "user", None), "pk", None)
    if user_id is None:
        return None
    value = request.get_signed_cookie(LSN_COOKIE, default=None, salt=_LSN_SALT)
    if value is None:
        return None
    owner, _, lsn = value.partition(":")
    return lsn if owner == str(user_id) and _LSN.fullmatch(lsn) else None


def replica_reads(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view reads from the replica (when it may); a streamed answer's rows are read from it too."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        alias = choose_alias(last_write_of(request)) if replica_alias() else DEFAULT_DB_ALIAS
        with reading_from(alias):
            response = view(request, *args, **kwargs)
        if isinstance(response, StreamingHttpResponse):
            # The rows of a streamed export are read after the view returned, chunk by chunk.
            response.streaming_content = _each_chunk_from(alias, response.streaming_content)
        return response

    return wrapped


def _each_chunk_from(alias: str, chunks: Iterable[bytes]) -> Iterator[bytes]:
    iterator = iter(chunks)
    while True:
        with reading_from(alias):
            chunk = next(iterator, None)
        if chunk is None:
            return
        yield chunk


class _WriteNoter:
    """An execute wrapper on the primary that notes whether a statement wrote."""

    def __init__(self) -> None:
        self.wrote = False

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        if not self.wrote and sql.lstrip()[:6].upper() in _WRITES:
            self.wrote = True
        return execute(sql, params, many, context)


class ReadYourWritesMiddleware:
    """After a request that wrote, the browser keeps the primary's WAL position (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_alias():
            return self.get_response(request)
        primary = connections[DEFAULT_DB_ALIAS]
        noter = _WriteNoter()
        with primary.execute_wrapper(noter):
            response = self.get_response(request)
        if not noter.wrote or primary.vendor != "postgresql":
            return response
        # Only now: asking who the user is may cost a query on a page that never asked.
        user_id = getattr(getattr(request, "user", None), "pk", None)
        if user_id is not None:
            with primary.cursor() as cursor:
                cursor.execute("SELECT pg_current_wal_lsn()")
                lsn = cursor.fetchone()[0]
            response.set_signed_cookie(
                LSN_COOKIE,
                f"{user_id}:{lsn}",
                salt=_LSN_SALT,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
