# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark (not a test): does `verify_audit` raise false alarms while the service writes?

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/overdracht .venv/bin/python benchmarks/verify_under_writes.py
    … benchmarks/verify_under_writes.py --runs 40 --writers 2

Builds a throw-away test database with one case, starts writer threads that keep appending to
the audit trail through the services (a plan goal: a change entry; a view of the case: an
ACCESS entry), and meanwhile verifies the whole chain --runs times from another connection.
Nothing is tampered with, so every verdict that is not OK is a false alarm. Prints
runs / false alarms and the entries written meanwhile. On SQLite (a file in /tmp) the writers
and the verifier take turns on the database file.
"""

import argparse
import re
import statistics
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from _setup import benchmark_database


def build():
    from policies.roles import Role
    from tests.factories import CategoryFactory, OrganisationFactory, UserFactory, member, open_case

    school = OrganisationFactory(slug="waterlelie", name="Kwadraad — De Waterlelie")
    fatima = member(UserFactory(username="fatima"), school, Role.REFERRER)
    case = open_case(actor=fatima, organisation=school, categories=[CategoryFactory(code="schulden")])
    return case, fatima, school


def write_until(stop: threading.Event, case, fatima, school, written: list[int]) -> None:
    from django.db import connection

    from audit.services.trail import log_access
    from referrals.services.cases import case_add_goal

    n = 0
    try:
        while not stop.is_set():
            if n % 2:
                case_add_goal(case=case, actor=fatima, text=f"Doel {n}")
            else:
                log_access(actor=fatima, obj=case, activity="case_management", organisation=school, fields=["phone"])
            n += 1
    finally:
        written.append(n)
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--writers", type=int, default=2)
    args = parser.parse_args()

    # On SQLite a file: threads sharing the in-memory test database fail at once instead of waiting.
    sqlite_file = str(Path(tempfile.gettempdir()) / "overdracht-verify-under-writes.sqlite3")
    with benchmark_database(sqlite_file=sqlite_file) as connection:
        from audit.services.chain import verify

        case, fatima, school = build()
        stop, written = threading.Event(), []
        writers = [
            threading.Thread(target=write_until, args=(stop, case, fatima, school, written))
            for _ in range(args.writers)
        ]
        for thread in writers:
            thread.start()
        problems: Counter[str] = Counter()
        timings: list[float] = []
        started = time.perf_counter()
        try:
            time.sleep(0.2)  # let the writers get going
            for _ in range(args.runs):
                verdict = verify()
                timings.append(verdict.seconds * 1000)
                if not verdict.ok:
                    # "entry 123 comes after … 122" → "entry N comes after … N": group alike alarms.
                    problems[re.sub(r"\d+", "N", verdict.problem)] += 1
        finally:
            stop.set()
            for thread in writers:
                thread.join()
        seconds = time.perf_counter() - started
        final = verify()
        print(f"database: {connection.vendor}, writers: {args.writers}, entries written meanwhile: {sum(written):,}")
        print(
            f"verify runs under concurrent writes: {args.runs}, false alarms: {sum(problems.values())} "
            f"({seconds:.1f} s; a run: median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms)"
        )
        for problem, count in problems.most_common():
            print(f"  {count} × {problem}")
        print(f"after the writers stopped: {'OK' if final.ok else final.problem}, {final.checked:,} entries")


if __name__ == "__main__":
    main()
