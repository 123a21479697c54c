# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark (not a test): search one resident's audit entries among N, and verify_audit speed.

Fills a scratch database with N sealed audit entries (bulk insert: this is a
benchmark, the application never bulk-inserts entries), then times the
privacy officer's search for one pseudonym (first page + count, as the page
does) and the full chain verification.

    .venv/bin/python benchmarks/audit_search.py                     # SQLite file in /tmp
    .venv/bin/python benchmarks/audit_search.py --database-url postgres://postgres@127.0.0.1:55432/overdracht_audit

The scratch database's audit table is emptied first: never point this at real data.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="sqlite:////tmp/overdracht-audit-bench.sqlite3")
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--searches", type=int, default=25)
    return parser.parse_args()


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def empty_audit_table() -> None:
    from django.db import connection, transaction

    from audit.models.entry import AuditChainHead, AuditEntry

    tables = [AuditEntry._meta.db_table, AuditChainHead._meta.db_table]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The trail's triggers refuse TRUNCATE and removing the head: switch them off (as the
            # tables' owner) for this transaction only, as an attacker would have to.
            for table in tables:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            cursor.execute(f"TRUNCATE {', '.join(tables)}")
            for table in tables:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608


def fill(n: int, residents: int) -> tuple[list[str], float]:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from audit.models.entry import AuditChainHead, AuditEntry
    from audit.services.chain import link
    from referrals.models import Referral

    rng = random.Random(2026)
    pseudonyms = [f"R-{i:08d}" for i in range(residents)]
    content_type = ContentType.objects.get_for_model(Referral)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    step = timedelta(days=365) / n
    activities = ["referral", "case_management", "consent", "referral", "referral"]
    previous_hash, batch = "", []
    started = time.perf_counter()
    for i in range(1, n + 1):
        action = rng.choice((1, 3, 3, 3))
        values = {
            "id": i,
            "timestamp": start + step * i,
            "action": action,
            "content_type_id": content_type.pk,
            "object_pk": str(i % 50_000),
            "object_id": i % 50_000,
            "object_repr": f"C-{i % 50_000:08X}/1",
            "changes": {"fields": ["contact", "summary"]} if action == 3 else {"state": ["sent", "accepted"]},
            "changes_text": "",
            "actor_id": None,
            "actor_email": None,
            "cid": f"{rng.getrandbits(128):032x}",
            "remote_addr": None,
            "remote_port": None,
            "additional_data": None,
            "serialized_data": None,
            "organisation_id": None,
            "role": "intake",
            "pseudonym": rng.choice(pseudonyms),
            "processing_activity": rng.choice(activities),
            "reason": "",
        }
        previous_hash = link(previous_hash, values)
        batch.append(AuditEntry(**values, chain_hash=previous_hash))
        if len(batch) == 10_000:
            with transaction.atomic():
                AuditEntry.objects.bulk_create(batch)
            batch = []
            print(f"\r  inserted {i:,}", end="", flush=True)
    if batch:
        AuditEntry.objects.bulk_create(batch)
    AuditChainHead.objects.create(pk=1, last_entry_id=n, last_hash=previous_hash)
    print()
    return pseudonyms, time.perf_counter() - started


def time_searches(pseudonyms: list[str], count: int) -> tuple[list[float], int]:
    from django.core.paginator import Paginator
    from django.db import connection

    from audit.selectors.search import AuditQuery, entries

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE referrals_auditentry")
    rng = random.Random(7)
    timings, rows = [], 0
    for pseudonym in rng.sample(pseudonyms, count):
        started = time.perf_counter()
        page = Paginator(entries(AuditQuery(pseudonym=pseudonym)), 50).get_page(1)
        rows = len(list(page)) + page.paginator.count
        timings.append((time.perf_counter() - started) * 1000)
    return timings, rows


def main() -> None:
    args = parse_args()
    setup_django(args.database_url)
    from django.db import connection

    from audit.services.chain import verify

    print(
        f"database: {connection.vendor} ({connection.settings_dict['NAME']}), entries: {args.entries:,}, "
        f"residents: {args.residents:,}"
    )
    empty_audit_table()
    pseudonyms, fill_seconds = fill(args.entries, args.residents)
    print(f"fill (hash + bulk insert): {fill_seconds:.1f} s")
    timings, _ = time_searches(pseudonyms, args.searches)
    print(
        f"search one resident (first page of 50 + count), {args.searches} residents: "
        f"median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms"
    )
    verdict = verify()
    assert verdict.ok, verdict.problem
    print(
        f"verify_audit: {verdict.checked:,} entries in {verdict.seconds:.1f} s = "
        f"{verdict.per_second:,.0f} entries/second"
    )


if __name__ == "__main__":
    main()
