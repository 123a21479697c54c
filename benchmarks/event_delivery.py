# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark (not a test): events delivered per second by the sweep, against a real HTTP receiver.

    .venv/bin/python benchmarks/event_delivery.py                      # SQLite file in /tmp, 500 events
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/event_delivery.py --events 2000

Writes N events with a delivery each to the outbox for one subscription and times the sweep
(`deliveries_send_due`, what the job runner runs every minute): claim, CloudEvent, signature,
POST, mark delivered, per event. As the floor: the same number of bare `requests.post` calls of
one such body to the same receiver (the stdlib receiver of the tests, on loopback, in-process).
"""

import argparse
import os
import tempfile
import time
from pathlib import Path

from _setup import benchmark_database


def subscription(url: str):
    from oauth2_provider.models import Application

    from api.models import ClientAuthorisation
    from events.services.subscriptions import subscription_create
    from tests.factories import OrganisationFactory, UserFactory, member

    organisation = OrganisationFactory(slug="kredietbank", name="Kredietbank")
    account = member(UserFactory(username="systeem"), organisation, "intake")
    application = Application.objects.create(
        name="Systeem",
        user=account,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
    )
    client = ClientAuthorisation.objects.create(application=application, organisation=organisation)
    return subscription_create(client=client, callback_url=url, by=UserFactory(username="bea"))[0]


def fill(n: int, subscription) -> None:
    from django.db import transaction

    from events.models import Delivery, PartnerEvent

    with transaction.atomic():
        events = PartnerEvent.objects.bulk_create(
            PartnerEvent(
                type="nl.overdracht.referral.sent",
                subject=str(i),
                dataref=f"https://overdracht.example/api/v1/referrals/{i}/",
                data={"referral": str(i), "state": "sent", "previousState": "draft", "action": "send"},
            )
            for i in range(n)
        )
        Delivery.objects.bulk_create(Delivery(event=event, subscription=subscription) for event in events)


def main(n: int) -> None:
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sqlite_file = str(Path(tempfile.gettempdir()) / "overdracht-events-bench.sqlite3")
    with benchmark_database(sqlite_file=sqlite_file) as connection:
        import requests
        from django.conf import settings
        from django.utils import timezone

        from events.models import Delivery, PartnerEvent
        from events.services.delivery import deliveries_send_due
        from events.services.envelope import signed_request
        from tests.events.receiver import Receiver

        settings.EVENTS_ALLOW_LOOPBACK_HTTP = True
        receiver = Receiver()
        receiver.start()
        try:
            fill(n, subscription(receiver.url()))
            started = time.perf_counter()
            assert deliveries_send_due() == n
            sweep = time.perf_counter() - started
            assert not Delivery.objects.filter(delivered_at=None).exists()

            body, headers = signed_request(PartnerEvent.objects.first(), "whsec_" + "A" * 44, timezone.now())
            started = time.perf_counter()
            for _ in range(n):
                assert requests.post(receiver.url(), data=body, headers=headers, timeout=10).status_code == 204
            bare = time.perf_counter() - started
            assert len(receiver.accepted()) == 2 * n
        finally:
            receiver.stop()
        print(f"database: {connection.vendor}, {n:,} events each way, stdlib HTTP receiver on loopback")
        print(f"sweep (deliveries_send_due): {sweep:6.2f} s = {n / sweep:7.1f} events/s")
        print(f"requests.post alone:         {bare:6.2f} s = {n / bare:7.1f} events/s")
        print(f"sweep / bare:                {(n / sweep) / (n / bare):6.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=500, help="events each way (default 500)")
    main(parser.parse_args().events)
