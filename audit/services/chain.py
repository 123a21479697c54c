# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
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
import itertools
import json
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_aware, make_aware

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
# Logboek Dataverwerkingen's span, in columns of its own since entries record it (unique per
# entry, it made every additional_data a JSON text never seen before, to be parsed and encoded
# again when verifying). Hashed like the rest, but only when set: an entry sealed before these
# columns existed (all NULL) keeps the canonical form, and so the hash, it was sealed with.
SPAN_FIELDS = ("activity_version", "parent_span_id", "span_id", "start_ms")
_SPAN_INT_FIELDS = ("activity_version", "start_ms")

# The canonical form is one line of JSON with the fields' names as sorted keys:
# {"action":3,"actor_email":"…",…,"timestamp":"2025-01-01T09:00:00.123456+00:00"}.
# Stored hashes were computed with json.dumps(sort_keys=True, separators=(",", ":"),
# ensure_ascii=False) over a dict of all fields; the template below writes the same bytes
# without building and sorting that dict for every entry (verifying is mostly this).
CANONICAL_ORDER = tuple(sorted(HASHED_FIELDS))
assert CANONICAL_ORDER[-1] == "timestamp"  # noqa: S101 (_rows puts the database's conversion of it last)
# A span field's place in the template takes `"name":value,` when it is set and nothing when not.
_TEMPLATE = (
    "{"
    + "".join("%s" if name in SPAN_FIELDS else f'"{name}":%s,' for name in sorted((*HASHED_FIELDS, *SPAN_FIELDS)))[:-1]
    + "}"
)
# Where canonical_bytes takes its values: the span fields first, then CANONICAL_ORDER.
PLAIN_ORDER = (*SPAN_FIELDS, *CANONICAL_ORDER)
# What JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode runs, made
# once rather than on every call (a third of its time); values parsed from JSON have no cycles
# to watch for (markers None). A Python without the json module's C part uses the encoder.
_json_encoder = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
_json_chunks = c_make_encoder and c_make_encoder(None, None, encode_basestring, None, ":", ",", True, False, True)


def _json_text(value: Any) -> str:
    return "".join(_json_chunks(value, 0)) if _json_chunks else _json_encoder.encode(value)


class _CanonicalJson(dict[str, str]):
    """The canonical encoding (sorted keys, no spaces) of a JSON column's stored text, by that text.

    Most entries repeat a few shapes ({"fields": [...]}): those are looked up instead of parsed
    and encoded again. The value depends on the text alone; emptied when it grows large.
    """

    SIZE = 4096

    def __missing__(self, text: str) -> str:
        try:
            encoded = _json_text(json.loads(text))
        except json.JSONDecodeError:
            # What Django's JSONField hands over for text that is not JSON: the text itself.
            encoded = encode_basestring(text)
        if len(self) >= self.SIZE:
            self.clear()
        self[text] = encoded
        return encoded


_json = _CanonicalJson()


def canonical_bytes(plain: Sequence[Any]) -> bytes:
    """The bytes that are hashed for one entry: the one canonical form, for sealing and verifying.

    `plain` holds the fields in PLAIN_ORDER (anything after them is ignored) as the
    database stores them: integers, text, JSON columns as JSON text (any spacing and key order),
    the timestamp as UTC ISO text (datetime.isoformat()); None for NULL. `plain_values` makes
    it from an entry's values. Written out field by field: this is most of a verification's time.
    """
    (
        activity_version,
        parent_span_id,
        span_id,
        start_ms,
        action,
        actor_email,
        actor_id,
        additional_data,
        changes,
        changes_text,
        cid,
        content_type_id,
        entry_id,
        object_id,
        object_pk,
        object_repr,
        organisation_id,
        processing_activity,
        pseudonym,
        reason,
        remote_addr,
        remote_port,
        role,
        serialized_data,
        timestamp,
    ) = plain[:25]
    text = encode_basestring
    return (
        _TEMPLATE
        % (
            "null" if action is None else action,
            "" if activity_version is None else f'"activity_version":{activity_version},',
            "null" if actor_email is None else text(actor_email),
            "null" if actor_id is None else actor_id,
            "null" if additional_data is None else _json[additional_data],
            "null" if changes is None else _json[changes],
            "null" if changes_text is None else text(changes_text),
            "null" if cid is None else text(cid),
            "null" if content_type_id is None else content_type_id,
            "null" if entry_id is None else entry_id,
            "null" if object_id is None else object_id,
            "null" if object_pk is None else text(object_pk),
            "null" if object_repr is None else text(object_repr),
            "null" if organisation_id is None else organisation_id,
            "" if parent_span_id is None else f'"parent_span_id":{text(parent_span_id)},',
            "null" if processing_activity is None else text(processing_activity),
            "null" if pseudonym is None else text(pseudonym),
            "null" if reason is None else text(reason),
            "null" if remote_addr is None else text(remote_addr),
            "null" if remote_port is None else remote_port,
            "null" if role is None else text(role),
            "null" if serialized_data is None else _json[serialized_data],
            "" if span_id is None else f'"span_id":{text(span_id)},',
            "" if start_ms is None else f'"start_ms":{start_ms},',
            "null" if timestamp is None else text(timestamp),
        )
    ).encode()


def _utc_iso(stamp: datetime) -> str:
    return stamp.astimezone(UTC).isoformat()


def _plain(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _INT_FIELDS or name in _SPAN_INT_FIELDS:
        return int(value)
    if name in _JSON_FIELDS:
        # What the database will hold: tuples become lists, keys strings, anything else its str().
        return json.dumps(value, default=str)
    if name == "timestamp":
        return _utc_iso(value)
    return str(value)


def plain_values(values: dict[str, Any]) -> tuple[Any, ...]:
    """An entry's values (a dict keyed by HASHED_FIELDS, and SPAN_FIELDS where set) in canonical_bytes' form."""
    return (
        *(_plain(name, values.get(name)) for name in SPAN_FIELDS),
        *(_plain(name, values[name]) for name in CANONICAL_ORDER),
    )


def link(previous_hash: str, values: dict[str, Any]) -> str:
    """The chain hash of an entry with these values (keyed by HASHED_FIELDS, SPAN_FIELDS optional) after `previous_hash`."""
    return hashlib.sha256(previous_hash.encode() + canonical_bytes(plain_values(values))).hexdigest()


def _entry_values(entry: AuditEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in (*HASHED_FIELDS, *SPAN_FIELDS)}


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
    jobs: int = 1  # the processes that read the trail

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None and not self.problem

    @property
    def per_second(self) -> float:
        return self.checked / self.seconds if self.seconds else float("inf")


# The timestamp as the UTC ISO text that datetime.isoformat() writes (no fraction when it
# is zero), made by the database: converting a datetime per entry in Python would double
# the time a verification takes.
_POSTGRES_ISO = """replace(to_char({0} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'), '.000000+', '+')"""
_ID = PLAIN_ORDER.index("id")


def _rows(chunk_size: int, first: int | None = None, last: int | None = None) -> Iterator[Sequence[Any]]:
    """The entries with ids first..last (None: no bound) in chain order: the fields as canonical_bytes
    takes them, then its chain_hash.

    Read with a plain cursor (server-side on PostgreSQL) in chunks: the ORM's per-row
    conversions (JSON parsed, datetimes built) would be undone at once by canonical_bytes.
    """
    from django.db import connection

    from audit.models.entry import AuditEntry

    quote = connection.ops.quote_name
    columns = [quote(AuditEntry._meta.get_field(name).column) for name in PLAIN_ORDER]
    postgres = connection.vendor == "postgresql"
    # Text, not the datetime the driver would build (SQLite: its converter for the column).
    columns[-1] = (_POSTGRES_ISO if postgres else "CAST({0} AS TEXT)").format(columns[-1])
    bounds = [(">=", first), ("<=", last)]
    where = " AND ".join(f"{quote('id')} {op} %s" for op, bound in bounds if bound is not None)
    sql = (
        f"SELECT {', '.join(columns)}, {quote('chain_hash')} FROM {quote(AuditEntry._meta.db_table)}"  # noqa: S608
        f"{' WHERE ' + where if where else ''} ORDER BY {quote('id')}"
    )
    iso = _SqliteIso(connection.timezone)
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, [bound for _, bound in bounds if bound is not None])
        while chunk := cursor.fetchmany(chunk_size):
            if postgres:
                yield from chunk
            else:
                for row in chunk:
                    yield (*row[:-2], iso(row[-2]), row[-1])


class _SqliteIso:
    """A timestamp as SQLite holds it (text in the connection's time zone) as UTC ISO text."""

    # What Django writes (str() of a naive datetime): no fraction when it is zero.
    STORED = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.(?!000000)\d{6})?")

    def __init__(self, zone: tzinfo | None) -> None:
        self.zone = zone or UTC
        self.utc = self.zone.utcoffset(None) == timedelta(0)

    def __call__(self, stored: str | None) -> str | None:
        if stored is None:
            return None
        if self.utc and self.STORED.fullmatch(stored):
            return stored.replace(" ", "T", 1) + "+00:00"
        try:
            stamp = parse_datetime(stored)
        except ValueError:  # well formed, but no date (a 13th month)
            stamp = None
        if stamp is None:
            return stored  # not a timestamp: hashed as it stands, so it cannot match
        return _utc_iso(stamp if is_aware(stamp) else make_aware(stamp, self.zone))


@contextmanager
def one_snapshot() -> Iterator[None]:
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


def verify(*, chunk_size: int = 5000, anchor: Anchor | None = None, jobs: int = 1) -> Verdict:
    """Walk the whole chain; stop at the first entry that was changed, removed or inserted.

    With an `anchor` the chain must also still pass through that entry with that hash. With
    `jobs` > 1 on PostgreSQL, parts of the trail are walked in that many processes at once
    (audit.services.chain_jobs); the verdict is the same as walking it in one.
    """
    from audit.services.chain_jobs import parallel_jobs, verify_in_parallel

    jobs = parallel_jobs(jobs, chunk_size)
    if jobs > 1:
        return verify_in_parallel(chunk_size=chunk_size, anchor=anchor, jobs=jobs)
    with one_snapshot():
        return _walk(chunk_size, anchor)


class Head(TypedDict):
    """The chain head as read for verifying: the last sealed entry's id and chain hash."""

    last_entry_id: int
    last_hash: str


def chain_head() -> Head | None:
    """The chain head; None when it is missing."""
    from audit.models.entry import AuditChainHead

    return AuditChainHead.objects.filter(pk=1).values("last_entry_id", "last_hash").first()


# Migrations create the head and nothing removes it; without it an emptied trail would look
# like a new one.
HEAD_MISSING = "the chain head is missing"


def _walk(chunk_size: int, anchor: Anchor | None) -> Verdict:
    started = time.perf_counter()
    head = chain_head()
    if head is None:
        return Verdict(0, time.perf_counter() - started, 1, HEAD_MISSING)
    return walk_range(chunk_size, head, 1, None, anchor)


def walk_range(chunk_size: int, head: Head, first: int, last: int | None, anchor: Anchor | None) -> Verdict:
    """Check entries first..last against the stored hash of the entry before `first`.

    Each link needs only the previous entry's stored chain hash, so a part of the trail can be
    checked on its own: that entry's own hash is the business of the part before. `last` None:
    to the end of the trail, and that end against the chain head (the whole walk is 1..None).
    Every problem is reported as the whole walk would report it; `checked` counts this part's
    entries before it. A part also reads the entry after its end: to tell a changed last entry
    from an inserted one, and a gap just after its end from a whole part.
    """
    started = time.perf_counter()
    head_id = head["last_entry_id"]
    previous_id, previous_hash, checked = first - 1, "", 0

    def verdict(bad_id: int | None, problem: str) -> Verdict:
        return Verdict(checked, time.perf_counter() - started, bad_id, problem, previous_hash)

    # From the first part on, no lower bound: an entry with an id below 1 is found too.
    rows = _rows(chunk_size, first - 1 if first > 1 else None, last)
    if last is not None:
        rows = itertools.chain(rows, _rows(1, last + 1))  # a second query, only once this part is read
    if first > 1:
        before = next(rows, None)
        if before is None or before[_ID] != previous_id:
            # The part before ends in this gap and says so (with its lower id, its verdict wins).
            return verdict(previous_id, f"entry {previous_id} is missing: removed")
        previous_hash = before[-1]
    sha256 = hashlib.sha256  # the loop below is the whole of a verification: no lookups in it
    for row in rows:
        entry_id, stored = row[_ID], row[-1]
        if previous_id == last:
            return verdict(None, "")  # every entry of this part is intact; the next one is the next part's
        if entry_id > head_id:
            return verdict(entry_id, f"entry {entry_id} comes after the last sealed entry {head_id}: inserted")
        if entry_id != previous_id + 1:
            return verdict(
                previous_id + 1,
                f"entry {previous_id + 1} is missing: removed (entry {entry_id} follows entry {previous_id})",
            )
        try:
            canonical = canonical_bytes(row)
        except (TypeError, ValueError):
            canonical = _UNHASHABLE
        if sha256(previous_hash.encode() + canonical).hexdigest() != stored:
            return verdict(entry_id, _diagnose(entry_id, previous_hash, stored, rows))
        if anchor and entry_id == anchor.entry_id and stored != anchor.chain_hash:
            return verdict(entry_id, _anchor_mismatch(anchor))
        previous_id, previous_hash = entry_id, stored
        checked += 1
    if previous_id == 0 and head_id > 0:
        return verdict(1, f"the trail is empty, but the chain head says {head_id} entries were written: removed")
    if previous_id < head_id:
        return verdict(previous_id + 1, f"entries {previous_id + 1}..{head_id} are missing at the end: removed")
    if last is not None:
        return verdict(None, "")  # a part that is not the last one (the trail beyond the head is the last part's)
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


# What an entry is hashed as when a value is of a type its column never holds (SQLite lets
# anything into any column): changed, and no stored hash can match it.
_UNHASHABLE = b"\0"


def _linked(previous_hash: str, row: Sequence[Any]) -> bool:
    """Does the entry (a row of _rows) follow from `previous_hash` to its stored chain hash?"""
    try:
        canonical = canonical_bytes(row)
    except (TypeError, ValueError):
        canonical = _UNHASHABLE
    return hashlib.sha256(previous_hash.encode() + canonical).hexdigest() == row[-1]


def _diagnose(entry_id: int, previous_hash: str, stored: str, rows: Iterator[Sequence[Any]]) -> str:
    """Tell a changed entry from an inserted one by looking at the entry after it."""
    following = next(rows, None)
    if following is not None:
        if _linked(stored, following):
            return f"entry {entry_id} was changed after it was written"
        if _linked(previous_hash, following):
            return f"entry {entry_id} was inserted into the chain"
    return f"entry {entry_id} does not follow from the entry before it: changed or inserted"
