"""The hash chain over the audit trail.

Each entry's `chain_hash` is sha256(previous chain_hash + canonical form of the
entry's own fields). Changing an entry breaks its hash; removing or inserting
one breaks the link of the entry after it; removing entries from the end
shows against the chain head (AuditChainHead).

Writers take turns on the chain head row (a row lock held until commit), so
two handovers at the same moment both succeed: the second waits for the
first. The entry gets its id from the head too, which keeps ids gap-free and
in chain order. A service seals all its entries at once at the end of its
transaction (audit.services.sealing), so the head is locked only from there
to the commit.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db import IntegrityError, transaction
from django.db.models import F

if TYPE_CHECKING:
    from audit.models.entry import AuditChainHead, AuditEntry

# The fields that make up an entry, in the order they are hashed. `chain_hash`
# itself is left out: it is the result.
_INT_FIELDS = ("id", "action", "content_type_id", "object_id", "actor_id", "remote_port", "organisation_id")
_TEXT_FIELDS = (
    "object_pk",
    "object_repr",
    "changes_text",
    "actor_email",
    "cid",
    "remote_addr",
    "role",
    "pseudonym",
    "processing_activity",
    "reason",
)
_JSON_FIELDS = ("changes", "additional_data", "serialized_data")
HASHED_FIELDS = ("timestamp", *_INT_FIELDS, *_TEXT_FIELDS, *_JSON_FIELDS)


def _as_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _as_text(value: Any) -> str | None:
    return None if value is None else str(value)


def _as_json(value: Any) -> Any:
    # Round-trip through JSON so that a value about to be saved and the same
    # value read back (tuples become lists, keys strings) hash alike.
    return None if value is None else json.loads(json.dumps(value, default=str))


def canonical(values: dict[str, Any]) -> str:
    """One line of sorted-key JSON for the entry's fields (a dict keyed by HASHED_FIELDS)."""
    stamp = values["timestamp"]
    form = {"timestamp": stamp.astimezone(UTC).isoformat() if stamp is not None else None}
    form.update({name: _as_int(values[name]) for name in _INT_FIELDS})
    form.update({name: _as_text(values[name]) for name in _TEXT_FIELDS})
    form.update({name: _as_json(values[name]) for name in _JSON_FIELDS})
    return json.dumps(form, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def link(previous_hash: str, values: dict[str, Any]) -> str:
    return hashlib.sha256((previous_hash + canonical(values)).encode()).hexdigest()


def _entry_values(entry: AuditEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in HASHED_FIELDS}


def locked_head(using: str = "default") -> AuditChainHead:
    """The chain head, locked by this transaction until it commits or rolls back."""
    from django.db import connections

    from audit.models.entry import AuditChainHead, AuditEntry

    heads = AuditChainHead.objects.using(using)
    if connections[using].vendor == "postgresql":
        # The row lock, taken by the read itself: one round trip.
        head = heads.select_for_update().filter(pk=1).first()
        if head is not None:
            return head
    # SQLite has no row locks: an UPDATE takes its write lock before anything is read, so two
    # writers cannot both read the same head.
    elif heads.filter(pk=1).update(last_entry_id=F("last_entry_id")):
        return heads.get(pk=1)
    last = AuditEntry.objects.using(using).order_by("-id").values("id", "chain_hash").first() or {
        "id": 0,
        "chain_hash": "",
    }
    try:
        with transaction.atomic(using=using):
            return heads.create(pk=1, last_entry_id=last["id"], last_hash=last["chain_hash"])
    except IntegrityError:  # another writer started the chain at the same moment
        return heads.select_for_update().get(pk=1)


def seal_values(previous_hash: str, entry: AuditEntry) -> str:
    """The chain hash of `entry` following an entry with `previous_hash` (its id must be set)."""
    return link(previous_hash, _entry_values(entry))


def seal(entry: AuditEntry, using: str = "default") -> None:
    """Give a new entry its id and chain hash at once; call just before it is inserted.

    For entries written outside `audited()` (audit.services.sealing), which seals in bulk.
    """
    head = locked_head(using)
    entry.id = head.last_entry_id + 1
    entry.chain_hash = seal_values(head.last_hash, entry)
    type(head).objects.using(using).filter(pk=1).update(last_entry_id=entry.id, last_hash=entry.chain_hash)


class Anchor(NamedTuple):
    """A chain head written down earlier (`verify_audit` prints it): entry id and its chain hash."""

    entry_id: int
    chain_hash: str


@dataclass
class Verdict:
    checked: int
    seconds: float
    first_bad_id: int | None = None
    problem: str = ""
    head_hash: str = ""

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None and not self.problem

    @property
    def per_second(self) -> float:
        return self.checked / self.seconds if self.seconds else float("inf")


def _rows(chunk_size: int) -> Iterator[tuple[dict[str, Any], str]]:
    from audit.models.entry import AuditEntry

    rows = AuditEntry.objects.order_by("id").values_list(*HASHED_FIELDS, "chain_hash").iterator(chunk_size=chunk_size)
    for row in rows:
        yield dict(zip(HASHED_FIELDS, row[:-1], strict=True)), row[-1]


@contextmanager
def _one_snapshot() -> Iterator[None]:
    """Read the head and every entry as of one moment.

    A writer seals its entries and moves the head in one transaction, so at any one moment
    they agree. Read one after the other (each statement its own snapshot) a verifier sees
    entries committed after it read the head and calls them inserted: a false alarm.
    PostgreSQL: one REPEATABLE READ transaction (read only: verifying never writes, and no
    writer waits for it). SQLite: a transaction's reads all see the database as it was at
    its first read.
    """
    from django.db import connection

    outermost = not connection.in_atomic_block
    # durable: inside a caller's transaction the snapshot would be the caller's, taken who
    # knows when. Only a test case's own transaction may enclose it (nothing writes beside it).
    with transaction.atomic(durable=True):
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def verify(*, chunk_size: int = 5000, anchor: Anchor | None = None) -> Verdict:
    """Walk the whole chain; stop at the first entry that was changed, removed or inserted.

    With an `anchor` the chain must also still pass through that entry with that hash.
    """
    with _one_snapshot():
        return _walk(chunk_size, anchor)


def _walk(chunk_size: int, anchor: Anchor | None) -> Verdict:
    from audit.models.entry import AuditChainHead

    started = time.perf_counter()
    previous_id, previous_hash, checked = 0, "", 0

    def verdict(bad_id: int | None, problem: str) -> Verdict:
        return Verdict(checked, time.perf_counter() - started, bad_id, problem, previous_hash)

    head = AuditChainHead.objects.filter(pk=1).values("last_entry_id", "last_hash").first()
    if head is None:
        # Migrations create the head and nothing removes it; without it an emptied trail
        # would look like a new one.
        return verdict(1, "the chain head is missing")
    head_id = head["last_entry_id"]
    rows = _rows(chunk_size)
    for values, stored in rows:
        entry_id = values["id"]
        if entry_id > head_id:
            return verdict(entry_id, f"entry {entry_id} comes after the last sealed entry {head_id}: inserted")
        if entry_id != previous_id + 1:
            return verdict(
                previous_id + 1,
                f"entry {previous_id + 1} is missing: removed (entry {entry_id} follows entry {previous_id})",
            )
        if link(previous_hash, values) != stored:
            return verdict(entry_id, _diagnose(entry_id, previous_hash, stored, rows))
        if anchor and entry_id == anchor.entry_id and stored != anchor.chain_hash:
            return verdict(entry_id, _anchor_mismatch(anchor))
        previous_id, previous_hash = entry_id, stored
        checked += 1
    if previous_id == 0 and head_id > 0:
        return verdict(1, f"the trail is empty, but the chain head says {head_id} entries were written: removed")
    if previous_id < head_id:
        return verdict(previous_id + 1, f"entries {previous_id + 1}..{head_id} are missing at the end: removed")
    if head["last_hash"] != previous_hash:
        return verdict(
            previous_id, f"the chain ends at entry {previous_id} in another hash than the chain head holds: rewritten"
        )
    if anchor and anchor.entry_id > previous_id:
        return verdict(anchor.entry_id, _anchor_mismatch(anchor))
    return verdict(None, "")


def _anchor_mismatch(anchor: Anchor) -> str:
    return (
        f"the trail does not match the anchor at entry {anchor.entry_id}: "
        "it was rewritten or emptied since the anchor was written down"
    )


def _diagnose(entry_id: int, previous_hash: str, stored: str, rows: Iterator[tuple[dict[str, Any], str]]) -> str:
    """Tell a changed entry from an inserted one by looking at the entry after it."""
    following = next(rows, None)
    if following is not None:
        values, following_hash = following
        if link(stored, values) == following_hash:
            return f"entry {entry_id} was changed after it was written"
        if link(previous_hash, values) == following_hash:
            return f"entry {entry_id} was inserted into the chain"
    return f"entry {entry_id} does not follow from the entry before it: changed or inserted"
