# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the inbox and the sent list with many referrals, against a hello-world view.

    .venv/bin/python benchmarks/list_pages.py                          # SQLite, 10,000 referrals
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/list_pages.py --referrals 100000 --partners 40

Builds a throw-away test database with benchmarks/dataset.py (`--referrals` across `--partners`,
`--open` of them open in partner 1's inbox), then requests each page in-process with Django's test
Client as a logged-in user: all middleware, the session and the template, no network. A
hello-world view served through the same stack is the floor; each page prints its query count
(every statement Django sends), its median server time and the ratio to hello-world.
"""

import argparse
import os
import statistics
import sys
import time

from _setup import benchmark_database

# The project's URLs plus /hello/ (served through the same middleware and session as the pages).
urlpatterns: list = []


def _install_hello() -> None:
    from django.conf import settings
    from django.http import HttpResponse
    from django.urls import clear_url_caches, path

    import config.urls

    urlpatterns[:] = [path("hello/", lambda request: HttpResponse("hello")), *config.urls.urlpatterns]
    settings.ROOT_URLCONF = sys.modules[__name__]
    clear_url_caches()


def measure(client, url: str, repeats: int) -> tuple[int, float]:
    """The number of queries of one request, and the median time of `repeats` more (ms)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    queries = len(ctx.captured_queries)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        client.get(url)
        runs.append((time.perf_counter() - start) * 1000)
    return queries, statistics.median(runs)


def main(referrals: int, partners: int, open_for_one: int, repeats: int) -> None:
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # no line per login from django-axes
    with benchmark_database() as connection:
        from dataset import generate
        from django.test import Client
        from django.urls import reverse

        start = time.perf_counter()
        world = generate(referrals=referrals, partners=partners, open_for_one=open_for_one)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        built_s = time.perf_counter() - start
        _install_hello()
        receiver, sender = Client(), Client()
        receiver.force_login(world["receiver"])
        sender.force_login(world["sender"])
        pages = [
            ("hello-world", receiver, "/hello/"),
            ("inbox", receiver, reverse("inbox")),
            ("inbox (all)", receiver, reverse("inbox") + "?bak=alle"),
            ("sent", sender, reverse("sent")),
            ("sent p.20", sender, reverse("sent") + "?pagina=20"),
        ]
        for _, client, url in pages:  # warm up: first-request imports, template compilation
            client.get(url)
        results = {name: measure(client, url, repeats) for name, client, url in pages}
        floor = results["hello-world"][1]
        print(
            f"List pages ({connection.vendor}): {world['referrals']} referrals, {partners} partners, "
            f"{open_for_one} open in the measured inbox (built in {built_s:.0f} s); median of {repeats} requests"
        )
        for name, _, _ in pages:
            queries, ms = results[name]
            print(f"  {name:12} {queries:3} queries {ms:8.1f} ms  {ms / floor:5.1f}× hello-world")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--referrals", type=int, default=10_000, help="referrals in the database (default 10000)")
    parser.add_argument("--partners", type=int, default=40, help="partner organisations (default 40)")
    parser.add_argument("--open", type=int, default=1000, help="open referrals in the measured inbox (default 1000)")
    parser.add_argument("--repeats", type=int, default=15, help="requests per page for the median (default 15)")
    args = parser.parse_args()
    if args.referrals < 1 or args.repeats < 1 or args.partners < 3 or not 0 <= args.open <= args.referrals:
        parser.error("--referrals and --repeats at least 1, --partners at least 3, --open at most --referrals")
    main(args.referrals, args.partners, args.open, args.repeats)
