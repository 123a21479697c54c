# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark (not a test): `verify_audit` against raw sha256 over the same canonical bytes.

    .venv/bin/python benchmarks/verify_audit.py                     # SQLite file in /tmp, 200,000 entries
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/verify_audit.py --entries 1000000

Builds a throw-away test database and fills it with N sealed audit entries shaped as the
services write them (a change or a view of a referral: actor, organisation, role, pseudonym,
trace id, the changed fields), bulk-inserted with their chain hashes. Then times the
`verify_audit` command over the whole trail and, as the floor, the hash chain alone: sha256 of
previous hash + canonical bytes of each entry, the bytes already in memory. `verify_audit` runs
with --jobs 1 and with --jobs N (default: the command's default, one process per CPU on
PostgreSQL, 1 on SQLite). Prints entries/s for each and its ratio to the raw rate (issue 12's
goal: verify_audit at least 1/5 of the raw rate).
"""

import argparse
import hashlib
import os
import random
import re
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

from _setup import benchmark_database

BATCH = 5000


def fill(n: int, ldv: bool = True) -> list[bytes]:
    """N sealed entries after whatever the trail holds; returns each one's canonical bytes."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from audit.models.entry import AuditChainHead, AuditEntry
    from audit.services.chain import HASHED_FIELDS, canonical_bytes, link, plain_values
    from policies.roles import Role
    from referrals.models import Referral
    from tests.factories import OrganisationFactory, UserFactory, member

    organisation = OrganisationFactory(slug="kredietbank", name="Kredietbank", kind="debt")
    actor = member(UserFactory(username="kees"), organisation, Role.INTAKE)
    content_type = ContentType.objects.get_for_model(Referral)
    head = AuditChainHead.objects.get(pk=1)
    first, previous_hash = head.last_entry_id + 1, head.last_hash
    rng = random.Random(2026)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    step = timedelta(days=365) / n
    hashed, batch = [], []
    for entry_id in range(first, first + n):
        referral = rng.randrange(1, 100_000)
        pseudonym = f"R{rng.getrandbits(40):010X}"[:12]
        access = rng.random() < 0.6
        extra = None if access else {"pseudonym": pseudonym}
        span = {}
        if ldv:
            # As written since Logboek Dataverwerkingen: every entry its own span, in the span
            # columns (audit.services.trail).
            span = {
                "span_id": f"{rng.getrandbits(64):016x}",
                "start_ms": 1735689600000 + entry_id,
                "activity_version": 1,
                "parent_span_id": None if access else f"{rng.getrandbits(64):016x}",
            }
        values = {
            "id": entry_id,
            "timestamp": start + step * (entry_id - first),
            "action": AuditEntry.Action.ACCESS if access else AuditEntry.Action.UPDATE,
            "content_type_id": content_type.pk,
            "object_pk": str(referral),
            "object_id": referral,
            "object_repr": f"V-{referral:08X}",
            "changes": {"fields": ["contact", "summary"]}
            if access
            else {"state": ["sent", "accepted"], "assigned_to": ["None", str(actor.pk)]},
            "changes_text": "",
            "actor_id": actor.pk,
            "actor_email": actor.email,
            "cid": f"{rng.getrandbits(128):032x}",
            "remote_addr": "127.0.0.1",
            "remote_port": None,
            "additional_data": extra,
            "serialized_data": None,
            "organisation_id": organisation.pk,
            "role": Role.INTAKE,
            "pseudonym": pseudonym,
            "processing_activity": "referral",
            "reason": "",
            **span,
        }
        assert set(values) == set(HASHED_FIELDS) | set(span)
        hashed.append(canonical_bytes(plain_values(values)))
        previous_hash = link(previous_hash, values)
        batch.append(AuditEntry(**values, chain_hash=previous_hash))
        if len(batch) == BATCH:
            with transaction.atomic():
                AuditEntry.objects.bulk_create(batch)
            batch = []
    with transaction.atomic():
        AuditEntry.objects.bulk_create(batch)
        AuditChainHead.objects.filter(pk=1).update(last_entry_id=first + n - 1, last_hash=previous_hash)
    return hashed


def raw_sha256_seconds(hashed: list[bytes], previous: bytes) -> float:
    """The floor: the chain's hashing alone, over bytes already in memory."""
    sha256 = hashlib.sha256
    started = time.perf_counter()
    for one in hashed:
        previous = sha256(previous + one).hexdigest().encode()
    return time.perf_counter() - started


def verify_seconds(chunk_size: int, jobs: int) -> tuple[float, int, str]:
    """Seconds, entries checked and the processes used (fewer than asked for a small trail)."""
    from django.core.management import call_command

    out = StringIO()
    started = time.perf_counter()
    call_command("verify_audit", chunk_size=chunk_size, jobs=jobs, stdout=out)
    seconds = time.perf_counter() - started
    assert "OK:" in out.getvalue(), out.getvalue()
    found = re.search(r"OK: (\d+) entries .*, (\d+ process(?:es)?)\)", out.getvalue())
    assert found, out.getvalue()
    return seconds, int(found[1]), found[2]


def main(entries: int, repeats: int, chunk_size: int, jobs: int | None, ldv: bool = True) -> None:
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # On SQLite a file, as an installation has it (the in-memory test database reads 3× slower).
    sqlite_file = str(Path(tempfile.gettempdir()) / f"overdracht-verify-audit-bench-{os.getpid()}.sqlite3")
    with benchmark_database(sqlite_file=sqlite_file) as connection:
        from audit.services.chain_jobs import default_jobs

        started = time.perf_counter()
        hashed = fill(entries, ldv)
        print(f"database: {connection.vendor}, filled {entries:,} entries in {time.perf_counter() - started:.1f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE referrals_auditentry")
        raw = statistics.median(raw_sha256_seconds(hashed, b"") for _ in range(repeats))
        raw_rate = entries / raw
        mean_size = sum(map(len, hashed)) / len(hashed)
        print(
            f"raw sha256:            {entries:,} entries ({mean_size:.0f} bytes each), median {raw:.2f} s = "
            f"{raw_rate:>10,.0f} entries/s"
        )
        for n in dict.fromkeys((1, jobs or default_jobs())):  # once when the default is 1 (SQLite)
            runs = [verify_seconds(chunk_size, n) for _ in range(repeats)]
            checked, processes = runs[0][1:]
            seconds = statistics.median(s for s, _, _ in runs)
            ratio = (checked / seconds) / raw_rate
            print(
                f"verify_audit --jobs {n} ({processes}): {checked:,} entries, median {seconds:.2f} s = "
                f"{checked / seconds:>10,.0f} entries/s; ratio to raw sha256 {ratio:.3f} (1/{1 / ratio:.1f}; "
                "goal at least 1/5)"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=200_000, help="audit entries to fill (default 200000)")
    parser.add_argument("--repeats", type=int, default=3, help="runs for the median (default 3)")
    parser.add_argument("--chunk-size", type=int, default=5000, help="verify_audit --chunk-size (default 5000)")
    parser.add_argument(
        "--jobs", type=int, help="verify_audit --jobs besides 1 (default: the command's: CPUs on PostgreSQL)"
    )
    parser.add_argument(
        "--without-ldv", action="store_true", help="entries as sealed before Logboek Dataverwerkingen (no span columns)"
    )
    args = parser.parse_args()
    main(args.entries, args.repeats, args.chunk_size, args.jobs, ldv=not args.without_ldv)
