"""Benchmark (prints figures; asserts only the fixed query count): the inbox and the sent list
with a thousand referrals. Run with `-s` to see the figures:
`python -m pytest tests/views/test_list_benchmark.py -s`."""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.views.test_list_query_counts import send_many

ROWS = 1000


def measure(client, url, repeat=5):
    # The query log keeps at most 9000 entries; setting up hundreds of rows fills it.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    queries = len(ctx.captured_queries)
    start = time.perf_counter()
    for _ in range(repeat):
        client.get(url)
    return queries, (time.perf_counter() - start) / repeat * 1000


def test_benchmark_lists_with_a_thousand_referrals(world, case):
    kees, fatima = Client(), Client()
    kees.force_login(world.people.kees)
    fatima.force_login(world.people.fatima)
    send_many(world, case, 3)
    small = {name: measure(c, url) for name, c, url in [
        ("inbox", kees, reverse("inbox") + "?bak=alle"), ("sent", fatima, reverse("sent"))]}
    send_many(world, case, ROWS - 3)
    for name, c, url in [("inbox", kees, reverse("inbox") + "?bak=alle"), ("sent", fatima, reverse("sent")),
                         ("sent p.10", fatima, reverse("sent") + "?pagina=10")]:
        queries, ms = measure(c, url)
        base = small[name.split(" ")[0]]
        print(f"\n{name:10} {ROWS} rows: {queries} queries, {ms:.1f} ms/page "
              f"(3 rows: {base[0]} queries, {base[1]:.1f} ms/page)")
        assert queries == base[0] and queries > 0
