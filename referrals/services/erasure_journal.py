# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The erasure journal: a file outside the database that remembers every erasure.

Erasure destroys a resident's data key in the live database, but a backup made
before the erasure still holds it: restoring that backup while the master key of
the time is configured brings the resident back, readable. The database cannot
remember its own erasures across a restore, so every erasure also appends one
line to this file (ERASURE_JOURNAL_PATH, kept and backed up apart from the
database), and `manage.py reapply_erasures` erases again, after a restore, every
resident the file names (referrals.services.restore).

One JSON line per erasure, and nothing personal in it:

    {"erased_at":"2025-03-01T09:30:00+00:00","kind":"request","mac":"…","pseudonym":"R-ABCD2345"}

`kind` is "request" (AVG art. 17) or "retention". The free-text reason stays in
the database: it may name people. `mac` is an HMAC-SHA256 with
ERASURE_JOURNAL_KEY over the other fields, so a line that was changed, or added
by someone without the key, does not verify and reapply_erasures refuses the
journal (a forged line would erase a resident). A *removed* line cannot be seen
from the lines that remain; keep the file append-only (`chattr +a`) and copied
off-site — reapply_erasures also counts erased residents of the database that the
journal does not name.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core import checks

logger = logging.getLogger(__name__)

REQUEST = "request"
RETENTION = "retention"
KINDS = (REQUEST, RETENTION)
_FIELDS = ("erased_at", "kind", "pseudonym")
# A pseudonym as referrals.models.residents.new_pseudonym makes it, nothing else.
_PSEUDONYM = re.compile(r"R-[A-Z2-9]{8}")
# Binds the MAC to this use of the key and to this line format.
_MAC_LABEL = b"overdracht erasure journal v1\n"


class ErasureJournalError(RuntimeError):
    """The journal line could not be written; the erasure it belongs to must not commit."""


@dataclass(frozen=True)
class JournalEntry:
    line: int
    pseudonym: str
    erased_at: datetime
    kind: str


@dataclass
class Journal:
    entries: list[JournalEntry] = field(default_factory=list)
    # Lines that are not JSON at all: the remains of a write that did not finish
    # (a full disk, a crash). Such a write failed, so its erasure did not commit.
    unfinished: list[int] = field(default_factory=list)
    # Lines that are records but do not verify: (line number, why).
    refused: list[tuple[int, str]] = field(default_factory=list)


def journal_path() -> Path:
    return Path(settings.ERASURE_JOURNAL_PATH)


def _mac(fields: dict[str, str]) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    return hmac.new(settings.ERASURE_JOURNAL_KEY.encode(), _MAC_LABEL + canonical, hashlib.sha256).hexdigest()


def journal_line(*, pseudonym: str, erased_at: datetime, kind: str) -> bytes:
    if kind not in KINDS:
        raise ValueError(f"unknown erasure kind {kind!r}")
    fields = {"erased_at": erased_at.isoformat(), "kind": kind, "pseudonym": pseudonym}
    record = fields | {"mac": _mac(fields)}
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode() + b"\n"


def erasure_record(*, pseudonym: str, erased_at: datetime, kind: str, path: Path | None = None) -> None:
    """Append the erasure's line and fsync it; raise ErasureJournalError when that fails.

    Call it inside the erasure's transaction, as its last step before COMMIT —
    not after the commit (transaction.on_commit). After the commit, a crash, a
    full disk or a missing mount would leave a committed erasure without its
    line, unnoticed: precisely the erasure a restore would undo. Before the
    commit, a failing write aborts the erasure (nothing is erased, the user sees
    an error), so no erasure is ever committed without its line. The opposite
    case, a line whose erasure did not commit, needs the COMMIT itself to fail
    (or the process to die) after the policy check and every write succeeded;
    reapply_erasures would then carry out an erasure that was asked for,
    authorised and all but done. Completing such an erasure is the lesser harm;
    losing one is the breach this journal exists to prevent.
    """
    path = path or journal_path()
    line = journal_line(pseudonym=pseudonym, erased_at=erased_at, kind=kind)
    try:
        _append(path, line)
    except OSError as exc:
        # Loud, and without personal data: the pseudonym and the system's reason.
        logger.error("erasure of %s not committed: erasure journal %s not writable: %s", pseudonym, path, exc)
        raise ErasureJournalError(f"the erasure journal {path} cannot be written: {exc}") from exc


def _append(path: Path, line: bytes) -> None:
    created = not path.exists()
    # O_APPEND: every writer (several app servers, the retention command) adds at
    # the end, never over another's line. Read access is for the check below.
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            # An earlier write stopped halfway: end that line, so this record stays a line of its own.
            line = b"\n" + line
        if os.write(fd, line) != len(line):
            raise OSError("short write (disk full?)")
        os.fsync(fd)
    finally:
        os.close(fd)  # also releases the lock
    if created:
        # A new file exists only once its directory entry is on disk too.
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def journal_read(path: Path | None = None) -> Journal:
    """Every line of the journal, verified; FileNotFoundError when there is no journal."""
    journal = Journal()
    data = (path or journal_path()).read_bytes()
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError:  # also UnicodeDecodeError
            journal.unfinished.append(number)
            continue
        entry, problem = _verified(number, record)
        if entry is not None:
            journal.entries.append(entry)
        else:
            journal.refused.append((number, problem))
    return journal


def _verified(number: int, record: object) -> tuple[JournalEntry | None, str]:
    if (
        not isinstance(record, dict)
        or set(record) != {*_FIELDS, "mac"}
        or not all(isinstance(value, str) for value in record.values())
    ):
        return None, "not an erasure record of this journal"
    fields = {name: record[name] for name in _FIELDS}
    if not hmac.compare_digest(record["mac"], _mac(fields)):
        return None, "does not verify: the line was changed, or written with another ERASURE_JOURNAL_KEY"
    # Signed by us, so these hold; checked anyway, since the line decides whom to erase.
    if fields["kind"] not in KINDS or not _PSEUDONYM.fullmatch(fields["pseudonym"]):
        return None, "an unknown kind or pseudonym"
    try:
        erased_at = datetime.fromisoformat(fields["erased_at"])
    except ValueError:
        return None, "an unreadable date"
    return JournalEntry(number, fields["pseudonym"], erased_at, fields["kind"]), ""


def check_erasure_journal(**kwargs: object) -> list[checks.CheckMessage]:
    """`check --deploy` (registered in referrals.apps): an erasure must not be the first to find out that its journal cannot be written."""
    path = journal_path()
    writable = path.is_file() and os.access(path, os.W_OK)
    creatable = not path.exists() and path.parent.is_dir() and os.access(path.parent, os.W_OK)
    if writable or creatable:
        return []
    return [
        checks.Error(
            f"ERASURE_JOURNAL_PATH {path} is not a file this process can append to.",
            hint="Create its directory on storage that is backed up apart from the database; "
            "until then every erasure fails.",
            id="referrals.E101",
        )
    ]
