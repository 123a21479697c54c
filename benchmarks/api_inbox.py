# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the inbox through the API against the inbox page, as requests per second.

    .venv/bin/python benchmarks/api_inbox.py                           # SQLite, 10,000 referrals
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/api_inbox.py

The dataset of benchmarks/list_pages.py; partner 1's intake worker asks for the inbox (25 per page)
as a logged-in page user and as an API client bound to the same account (a bearer token from
/api/v1/token/), in process with Django's test Client: all middleware, no network. The API
call includes its token check and its rate-limit count in the database cache.
"""

import argparse
import os
import secrets
import statistics
import time

from _setup import benchmark_database


def per_second(client, url: str, repeats: int, **headers: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, headers=headers)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        client.get(url, headers=headers)
        runs.append(time.perf_counter() - start)
    return 1 / statistics.median(runs), len(ctx.captured_queries)


def main(referrals: int, partners: int, open_for_one: int, repeats: int) -> None:
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    with benchmark_database() as connection:
        from dataset import generate
        from django.conf import settings
        from django.test import Client
        from oauth2_provider.models import Application

        from accounts.models import Membership
        from api.models import ClientAuthorisation
        from api.scopes import SCOPES

        settings.API_RATE_LIMIT = "1000000/minute"  # measured, not limited
        world = generate(referrals=referrals, partners=partners, open_for_one=open_for_one)
        receiver = world["receiver"]
        organisation = Membership.objects.get(user=receiver).organisation
        secret = secrets.token_urlsafe(32)
        application = Application.objects.create(
            name="benchmark",
            user=receiver,
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
            client_secret=secret,
        )
        ClientAuthorisation.objects.create(application=application, organisation=organisation, scopes=list(SCOPES))
        api = Client()
        token = api.post(
            "/api/v1/token/",
            {"grant_type": "client_credentials", "client_id": application.client_id, "client_secret": secret},
        ).json()["access_token"]
        page = Client()
        page.force_login(receiver)
        bearer = {"Authorization": f"Bearer {token}"}
        for _ in range(3):  # warm up
            page.get("/inbox/")
            api.get("/api/v1/inbox/", headers=bearer)
        page_rps, _page_q = per_second(page, "/inbox/", repeats)
        api_rps, _api_q = per_second(api, "/api/v1/inbox/", repeats, **bearer)
        print(
            f"Inbox ({connection.vendor}): {world['referrals']} referrals, {open_for_one} open in the inbox; "
            f"median of {repeats} requests, one process"
        )
        print(f"  page /inbox/          {page_rps:7.1f} requests/s")
        print(f"  API  /api/v1/inbox/   {api_rps:7.1f} requests/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--referrals", type=int, default=10_000)
    parser.add_argument("--partners", type=int, default=40)
    parser.add_argument("--open", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    main(args.referrals, args.partners, args.open, args.repeats)
