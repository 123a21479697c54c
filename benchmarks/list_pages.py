"""Benchmark: the inbox and the sent list with many referrals (queries and server time per page).

    .venv/bin/python benchmarks/list_pages.py                  # SQLite, 1000 referrals
    .venv/bin/python benchmarks/list_pages.py --rows 5000
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/list_pages.py

Builds a throw-away test database, sends 3 referrals from Fatima's school to
Kees's Kredietbank and measures each page, then sends the rest up to --rows and
measures again. Pages are requested in-process with Django's test Client, so a
figure is the time Django needs for the page (no network, no static files).
The query count should be the same for 3 rows as for thousands.
"""

import argparse
import os
import statistics
import time

from _setup import benchmark_database


def build():
    from policies.roles import Role
    from tests.factories import (
        CategoryFactory,
        OrganisationFactory,
        ServiceFactory,
        UserFactory,
        give_consent,
        member,
        open_case,
    )

    schulden = CategoryFactory(code="schulden", name="Schulden")
    school = OrganisationFactory(slug="waterlelie", name="Kwadraad — De Waterlelie")
    bank = OrganisationFactory(slug="kredietbank", name="Kredietbank", kind="debt")
    service = ServiceFactory(organisation=bank, name="Schuldhulp", categories=[schulden])
    fatima = member(UserFactory(username="fatima"), school, Role.REFERRER)
    kees = member(UserFactory(username="kees"), bank, Role.INTAKE)
    case = open_case(actor=fatima, organisation=school, categories=[schulden])
    give_consent(case=case, actor=fatima, organisation=school, recipients=[bank])
    return {"case": case, "school": school, "service": service, "schulden": schulden, "fatima": fatima, "kees": kees}


def send(world, first: int, last: int) -> None:
    from referrals import services

    for i in range(first, last):
        draft = services.referral_create(
            case=world["case"],
            actor=world["fatima"],
            organisation=world["school"],
            service=world["service"],
            summary=f"Vraag {i}",
            categories=[world["schulden"]],
            urgency="urgent" if i % 3 == 0 else "normal",
        )
        services.referral_send(referral=draft, actor=world["fatima"])


def measure(client, url: str, repeats: int) -> tuple[int, float]:
    """The number of queries of one request, and the median time of `repeats` more (ms)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The query log keeps at most 9000 entries; sending hundreds of referrals fills it.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    # Read now: captured_queries looks into the connection's log, which the next request empties.
    queries = len(ctx.captured_queries)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        client.get(url)
        runs.append((time.perf_counter() - start) * 1000)
    return queries, statistics.median(runs)


def main(rows: int, repeats: int) -> None:
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # no line per login from django-axes
    with benchmark_database() as connection:
        from django.test import Client
        from django.urls import reverse

        world = build()
        kees, fatima = Client(), Client()
        kees.force_login(world["kees"])
        fatima.force_login(world["fatima"])
        last_page = (rows + 24) // 25  # 25 per page
        pages = [
            ("inbox (all)", kees, reverse("inbox") + "?bak=alle"),
            ("sent", fatima, reverse("sent")),
            (f"sent p.{last_page}", fatima, reverse("sent") + f"?pagina={last_page}"),
        ]
        small = min(3, rows)
        send(world, 0, small)
        before = {name: measure(client, url, repeats) for name, client, url in pages}
        start = time.perf_counter()
        send(world, small, rows)
        filled_s = time.perf_counter() - start
        after = {name: measure(client, url, repeats) for name, client, url in pages}

        print(
            f"List pages ({connection.vendor}), median of {repeats} requests; "
            f"sending {rows - small} referrals took {filled_s:.0f} s"
        )
        print(f"  {'page':14} {f'{small} rows':>22}   {f'{rows} rows':>22}")
        for name, _, _ in pages:
            (q1, ms1), (q2, ms2) = before[name], after[name]
            print(f"  {name:14} {q1:3} queries {ms1:7.1f} ms   {q2:3} queries {ms2:7.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1000, help="referrals in both lists (default 1000)")
    parser.add_argument("--repeats", type=int, default=7, help="requests per page for the median (default 7)")
    args = parser.parse_args()
    if args.rows < 1 or args.repeats < 1:
        parser.error("--rows and --repeats must be at least 1")
    main(args.rows, args.repeats)
