# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the Cijfers page (/cijfers/) for one year, against the bare SQL of the same figures.

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/cijfers.py --referrals 1000000
    .venv/bin/python benchmarks/cijfers.py                                  # SQLite, 20,000 referrals

Builds a throw-away test database with benchmarks/dataset.py (programme spread: 40 partners,
3 wijken, 24 categories, 3 years, every state, reasons, outcomes, first contacts, target groups,
Sociaal Kompas goals; COPY on PostgreSQL), logs a programme manager in and times the whole page
in-process (test client, all middleware, template): its statements, and the median server time.
The page counts from the roll-up (programme.services.rollup), which the benchmark runs first and
times too. The floor is the same SQL statements the page runs, executed bare on the same
connection: the ratio says what Django, Python and the template add to what the database must do
anyway.
"""

import argparse
import os
import statistics
import time
from datetime import datetime

from _setup import benchmark_database


def median_ms(fn, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main(referrals: int, repeats: int, verbose: bool) -> None:
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    with benchmark_database() as connection:
        from dataset import generate
        from django.test import Client
        from django.utils import timezone

        from policies.roles import Role
        from tests.factories import UserFactory, member

        started = time.perf_counter()
        world = generate(
            referrals=referrals,
            partners=40,
            open_for_one=min(1000, referrals),
            categories=24,
            wijken=3,
            years=3,
            programme=True,
        )
        built = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Visibility map and statistics, as autovacuum would leave them on a real installation.
                cursor.execute("VACUUM ANALYZE")
        from programme.services.rollup import rollup_figures

        rollup = rollup_figures()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE programme_referralfact")
        petra = member(UserFactory(username="petra"), world["orgs"][0], Role.PROGRAMME)
        client = Client()
        client.force_login(petra)
        year = timezone.localdate().year - 1  # the last full year
        url = f"/cijfers/?periode={year}"

        def page():
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        page()  # warm up
        statements = []

        def record(execute, sql, params, many, context):
            statements.append((sql, params))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            page()
        # The page's own statements, without the session and user look-ups every page makes.
        figure_sql = [
            (sql, params)
            for sql, params in statements
            if '"referrals_referral"' in sql or '"programme_' in sql or "work_mem" in sql
        ]

        from django.db import transaction

        def bare():
            # One transaction, as the page's: its work_mem setting holds for the statements after it.
            with transaction.atomic(), connection.cursor() as cursor:
                for sql, params in figure_sql:
                    cursor.execute(sql, params)
                    cursor.fetchall()

        bare()
        if verbose:
            with connection.cursor() as cursor:
                for sql, params in figure_sql:
                    ms = median_ms(lambda: (cursor.execute(sql, params), cursor.fetchall()), 3)  # noqa: B023
                    print(f"  {ms:8.1f} ms  {sql[:160]}")
        # A second floor: one bare GROUP BY of the year's referrals themselves (states per receiving
        # partner, the first of the page's figures), as a report without a roll-up would start.
        start, end = timezone.make_aware(datetime(year, 1, 1)), timezone.make_aware(datetime(year + 1, 1, 1))

        def one_group_by():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT to_organisation_id, state, COUNT(*) FROM referrals_referral "
                    "WHERE sent_at >= %s AND sent_at < %s GROUP BY 1, 2",
                    [start, end],
                )
                cursor.fetchall()

        page_ms, bare_ms = median_ms(page, repeats), median_ms(bare, repeats)
        group_by_ms = median_ms(one_group_by, repeats)
        print(
            f"Cijfers page ({connection.vendor}): {world['referrals']:,} referrals over 3 years, 40 partners, "
            f"one year ({year}); data built in {built:.0f} s; median of {repeats}"
        )
        print(f"  roll-up of {rollup.facts:,} referrals: {rollup.milliseconds:,} ms (the job runner's, hourly)")
        print(
            f"  /cijfers/ {page_ms:8.1f} ms, {len(statements)} statements   "
            f"bare SQL of the figures ({len(figure_sql)} statements) {bare_ms:8.1f} ms   "
            f"{page_ms / bare_ms:5.2f}×"
        )
        print(
            f"  one bare GROUP BY of the year's referrals (states per partner) {group_by_ms:8.1f} ms   "
            f"page / that {page_ms / group_by_ms:5.2f}×   (goal: page ≤ 300 ms at 1,000,000)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--referrals", type=int, default=20_000, help="referrals in the database (default 20000)")
    parser.add_argument("--repeats", type=int, default=7, help="runs for the median (default 7)")
    parser.add_argument("--verbose", action="store_true", help="time each statement of the page")
    args = parser.parse_args()
    if args.referrals < 1 or args.repeats < 1:
        parser.error("--referrals and --repeats at least 1")
    main(args.referrals, args.repeats, args.verbose)
