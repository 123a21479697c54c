# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the programme figures (referrals.selectors.reports) against one plain GROUP BY.

    .venv/bin/python benchmarks/report_figures.py                           # SQLite, 10,000 referrals
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/report_figures.py --referrals 100000

Builds a throw-away test database with benchmarks/dataset.py, then times programme_figures()
(every breakdown the figures page shows) and, as the floor, one `GROUP BY to_organisation_id`
count over the same referrals; prints both medians and the ratio.
"""

import argparse
import os
import statistics
import time

from _setup import benchmark_database


def median_ms(fn, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main(referrals: int, partners: int, repeats: int) -> None:
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    with benchmark_database() as connection:
        from dataset import generate
        from django.db.models import Count

        from referrals.models import Referral
        from referrals.selectors.reports import programme_figures

        generate(referrals=referrals, partners=partners, open_for_one=min(1000, referrals))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        def floor():
            list(Referral.objects.order_by().values("to_organisation_id").annotate(n=Count("pk")))

        programme_figures(), floor()  # warm up
        figures_ms, floor_ms = median_ms(programme_figures, repeats), median_ms(floor, repeats)
        print(
            f"Programme figures ({connection.vendor}): {referrals} referrals, {partners} partners, median of {repeats}"
        )
        print(
            f"  programme_figures() {figures_ms:8.1f} ms   one GROUP BY {floor_ms:7.1f} ms   {figures_ms / floor_ms:5.1f}×"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--referrals", type=int, default=10_000, help="referrals in the database (default 10000)")
    parser.add_argument("--partners", type=int, default=40, help="partner organisations (default 40)")
    parser.add_argument("--repeats", type=int, default=5, help="runs for the median (default 5)")
    args = parser.parse_args()
    if args.referrals < 1 or args.repeats < 1 or args.partners < 3:
        parser.error("--referrals and --repeats at least 1, --partners at least 3")
    main(args.referrals, args.partners, args.repeats)
