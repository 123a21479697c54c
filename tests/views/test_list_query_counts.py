# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Lists cost the same number of queries for 3 rows as for 30 (pagination + select/prefetch)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from referrals import services
from tests.factories import ServiceFactory


def send_many(world, case, n):
    for i in range(n):
        draft = services.referral_create(
            case=case,
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            service=world.services.schuldhulp,
            summary=f"Vraag {i}",
            categories=[world.categories.schulden],
            urgency="urgent" if i % 3 == 0 else "normal",
        )
        services.referral_send(referral=draft, actor=world.people.fatima)


def count_queries(client, url):
    connection.queries_log.clear()  # it keeps at most 9000 entries
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    assert ctx.captured_queries, "no queries captured"
    return len(ctx.captured_queries)


def test_inbox_and_sent_list_queries_do_not_grow_with_rows(world, case, login):
    send_many(world, case, 3)
    kees = login(world.people.kees)
    inbox_3 = count_queries(kees, reverse("inbox") + "?bak=alle")
    fatima = world.people.fatima
    from django.test import Client

    fatima_client = Client()
    fatima_client.force_login(fatima)
    sent_3 = count_queries(fatima_client, reverse("sent"))
    send_many(world, case, 27)
    assert count_queries(kees, reverse("inbox") + "?bak=alle") == inbox_3
    assert count_queries(fatima_client, reverse("sent")) == sent_3
    # A later page costs the same as the first (benchmarks/list_pages.py shows it for thousands).
    assert count_queries(fatima_client, reverse("sent") + "?pagina=2") == sent_3


def test_directory_queries_do_not_grow_with_services(world, login):
    client = login(world.people.fatima)
    few = count_queries(client, reverse("directory"))
    for i in range(30):
        ServiceFactory(organisation=world.orgs.kredietbank, name=f"Dienst {i}", categories=[world.categories.schulden])
    assert count_queries(client, reverse("directory")) == few


def test_lists_are_paginated_by_25(world, case, login):
    send_many(world, case, 30)
    html = login(world.people.fatima).get(reverse("sent")).content.decode()
    assert html.count("/verwijzingen/") == 25
    assert "pagina=2" in html


def test_list_pages_show_the_age_band_without_reading_the_resident(world, case, login):
    send_many(world, case, 3)
    from django.test import Client

    fatima = Client()
    fatima.force_login(world.people.fatima)
    for client, url in ((login(world.people.kees), reverse("inbox")), (fatima, reverse("sent"))):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        # The encrypted personal columns stay out of a list; the band comes from the case.
        assert not [q["sql"] for q in ctx.captured_queries if "referrals_resident" in q["sql"]]
    assert "27-66" in login(world.people.kees).get(reverse("inbox")).content.decode()


def _page_queries(client, url) -> list[str]:
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def test_the_inbox_counts_once_and_takes_at_most_ten_statements(world, case, login):
    send_many(world, case, 30)
    kees = login(world.people.kees)
    for tab in ("nieuw", "alle"):
        queries = _page_queries(kees, reverse("inbox") + f"?bak={tab}")
        # Every statement counts (session, user, memberships, ...): the goal is ten at most.
        assert len(queries) <= 10, queries
        counts = [sql for sql in queries if "COUNT(" in sql]
        # The tab numbers and the paginator share one COUNT.
        assert len(counts) == 1, counts
        # An intake worker sees the inbox through the grants: the count needs no case row.
        assert '"referrals_case"' not in counts[0]
    html = kees.get(reverse("inbox") + "?bak=alle&pagina=2").content.decode()
    assert html.count("/verwijzingen/") == 5  # 30 open: the second page holds 5, so the count was right


def test_the_sent_list_counts_once(world, case, login):
    send_many(world, case, 3)
    fatima = login(world.people.fatima)
    queries = _page_queries(fatima, reverse("sent"))
    assert len([sql for sql in queries if "COUNT(" in sql]) == 1
