# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Audit entries are sealed into the hash chain once per transaction, just before it ends.

Every service runs in `audited()` (instead of `transaction.atomic(durable=True)`). Inside it an
audit entry is not inserted when it is saved: it is completed (audit.services.trail) and kept in
the transaction's buffer. When the work is done, still inside the transaction, `seal_all` locks
the chain head row, numbers and hashes the buffered entries, inserts them in one statement and
moves the head once; the commit follows at once. So the one lock every writer shares (the head
row) is held from the seal to the commit, not for the whole transaction, and it is always the
last lock a transaction takes: it cannot be part of a deadlock. Writers only queue on the rows
they both touch (referral rows; see referrals.services.referrals for their lock order).

An entry written outside `audited()` (a page view logging a read, a command) is sealed at once,
in a transaction of its own when there is none (AuditEntry.save).

A buffered entry written inside a savepoint that is rolled back is dropped with it: each entry
rides on an on_commit marker, which Django discards with the savepoint.

A service that fails (or refuses) after it wrote entries loses them with its rollback; its
first entry — the action itself — is then written again as failed (`record_failure`), so the
trail shows attempts that did not succeed too, as Logboek Dataverwerkingen asks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

if TYPE_CHECKING:
    from audit.models.entry import AuditEntry

_BUFFER = "overdracht_audit_buffer"
logger = logging.getLogger(__name__)


class _Marker:
    """A no-op on_commit callback standing for one buffered entry (see the module)."""

    __slots__ = ()

    def __call__(self) -> None:
        pass


class Buffer:
    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.entries: list[tuple[_Marker, AuditEntry]] = []

    def add(self, entry: AuditEntry) -> None:
        marker = _Marker()
        transaction.on_commit(marker, using=self.connection.alias)
        self.entries.append((marker, entry))

    def surviving(self) -> list[AuditEntry]:
        """The entries whose savepoints were not rolled back."""
        alive = {id(pending[1]) for pending in self.connection.run_on_commit}  # (savepoints, func, robust)
        return [entry for marker, entry in self.entries if id(marker) in alive]


def buffer_for(using: str | None = None) -> Buffer | None:
    """The open `audited()` block's buffer on this connection, if any."""
    connection = transaction.get_connection(using or DEFAULT_DB_ALIAS)
    return getattr(connection, _BUFFER, None)


@contextmanager
def audited(using: str | None = None) -> Iterator[None]:
    """A service's transaction (durable: never inside another); its audit entries are sealed at the end.

    Usable as a decorator: `@audited()`.
    """
    from audit.services.trace import action

    buffer: Buffer | None = None
    try:
        # The service is one action in the trace; what it writes after its first entry, it started.
        with action(), transaction.atomic(using=using, durable=True):
            connection = transaction.get_connection(using or DEFAULT_DB_ALIAS)
            previous = getattr(connection, _BUFFER, None)
            buffer = Buffer(connection)
            setattr(connection, _BUFFER, buffer)
            try:
                yield
                # Only on success: an exception rolls back the work, and its entries go with it.
                setattr(connection, _BUFFER, previous)
                seal_all(buffer.surviving(), using=connection.alias)
            finally:
                setattr(connection, _BUFFER, previous)
    except Exception as exc:
        if buffer is not None and buffer.entries:
            record_failure(buffer.entries[0][1], exc, using=buffer.connection.alias)
        raise


def record_failure(first: AuditEntry, exc: Exception, *, using: str) -> None:
    """The rolled-back action stays in the log as failed or refused (LDV: status ERROR).

    `first` is the action's own entry, as it would have been sealed: the failed one names the
    same object, activity, resident, actor and span, without the changes (they did not happen).
    Written after the rollback, in a transaction of its own. A failure of the database itself
    is not written to it (the next write would most likely fail too, or wait for a lock it
    cannot get); the request's log line has the trace id and status.
    """
    from django.db import DatabaseError

    from audit.models.entry import AuditEntry
    from audit.models.reasons import AuditReason
    from audit.services.trail import LDV_KEY

    if isinstance(exc, DatabaseError):
        return
    refused = type(exc).__name__ in ("ActionRefused", "PermissionDenied", "Http404")
    ldv = {
        **(first.additional_data or {}).get(LDV_KEY, {}),
        "status_code": STATUS_CODE_ERROR,
        "outcome": "refused" if refused else "failed",
    }
    reason = AuditReason.ACTION_FAILED_REFUSED if refused else AuditReason.ACTION_FAILED
    try:
        AuditEntry.objects.using(using).create(
            content_type_id=first.content_type_id,
            object_pk=first.object_pk,
            object_id=first.object_id,
            object_repr=first.object_repr,
            action=first.action,
            actor_id=first.actor_id,
            cid=first.cid,
            processing_activity=first.processing_activity,
            reason=reason.format(error=type(exc).__name__),
            organisation_id=first.organisation_id,
            role=first.role,
            pseudonym=first.pseudonym,
            span_id=first.span_id,
            parent_span_id=first.parent_span_id,
            start_ms=first.start_ms,
            activity_version=first.activity_version,
            additional_data={LDV_KEY: ldv},
        )
    except DatabaseError:
        logger.warning("could not record the failed action in the audit trail", exc_info=True)


# Logboek Dataverwerkingen `status_code` (0 UNSET, 1 OK, 2 ERROR).
STATUS_CODE_OK = 1
STATUS_CODE_ERROR = 2


def seal_pending(using: str | None = None) -> None:
    """Seal this transaction's entries so far, now: for a service that reads back the trail it writes.

    The head then stays locked until the commit, as it did for every writer before sealing at
    the end; use it only where the reading needs it (the inzage lists its own making).
    """
    buffer = buffer_for(using)
    if buffer is not None:
        entries, buffer.entries = buffer.surviving(), []
        seal_all(entries, using=buffer.connection.alias)


def seal_all(entries: list[AuditEntry], *, using: str) -> None:
    """Number, hash and insert the entries; move the chain head once. Inside a transaction."""
    if not entries:
        return
    from audit.models.entry import AuditChainHead, AuditEntry
    from audit.services.chain import locked_head, seal_values

    head = locked_head(using)
    last_id, last_hash = head.last_entry_id, head.last_hash
    for entry in entries:
        last_id += 1
        entry.id = last_id
        last_hash = entry.chain_hash = seal_values(last_hash, entry)
    AuditEntry.objects.using(using).bulk_create(entries)
    AuditChainHead.objects.using(using).filter(pk=1).update(last_entry_id=last_id, last_hash=last_hash)
