# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Events to partner systems, against a real HTTP receiver that fails twice before it accepts:
each state change arrives once per subscription (by event id), signed, without personal data."""

import json
import threading
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from events.models import Delivery, PartnerEvent
from events.services.delivery import MAX_REFUSED, deliveries_send_due
from events.services.subscriptions import subscription_change, subscription_create
from referrals import services
from tests.api.conftest import register_client
from tests.events.receiver import Receiver
from tests.worker import worker


def _subscribe(world, org: str, account, url: str, **kwargs):
    application, _client_secret = register_client(account, getattr(world.orgs, org))
    return subscription_create(client=application.authorisation, callback_url=url, by=world.people.bea, **kwargs)


def _verified(received, secrets: dict[str, str]) -> list[dict]:
    """Each request's event, after its signature was checked with its subscription's secret."""
    return [Webhook(secrets[r.path]).verify(r.body, r.headers) for r in received]


@pytest.mark.django_db(transaction=True)
def test_each_state_change_reaches_each_partner_once_signed_after_two_failures(receiver, world, draft):
    p = world.people
    resident = draft.case.resident
    secrets = {}
    for org, account in [("kredietbank", p.kees), ("waterlelie", p.fatima), ("taalhuis", p.anouk)]:
        _subscription, secrets[f"/{org}"] = _subscribe(world, org, account, receiver.url(f"/{org}"))

    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    # Three state changes for the two organisations involved; the taalhuis is not involved.
    assert Delivery.objects.count() == 6 and PartnerEvent.objects.count() == 3

    worker().run()  # the real worker loop: each delivery's task tries once, the receiver answers 500
    start = timezone.now()
    assert receiver.accepted() == [] and len(receiver.received) == 6
    assert deliveries_send_due(now=start + timedelta(minutes=5)) == 0  # the second attempt: 500 again
    assert set(Delivery.objects.values_list("last_error", "attempts")) == {("HTTP 500", 2)}
    assert deliveries_send_due(now=start + timedelta(minutes=30)) == 6  # the third: taken
    assert deliveries_send_due(now=start + timedelta(days=1)) == 0
    worker().run()
    assert Delivery.objects.filter(delivered_at__isnull=True).count() == 0

    # Every request signed with its subscription's secret; a wrong secret does not verify.
    events = _verified(receiver.received, secrets)
    bank = receiver.accepted("/kredietbank")[0]
    with pytest.raises(WebhookVerificationError):
        Webhook(secrets["/waterlelie"]).verify(bank.body, bank.headers)
    # Each event id was tried three times and taken once: de-duplicated by id, one per state change.
    assert set(Counter((r.path, r.headers["webhook-id"]) for r in receiver.received).values()) == {3}
    for org in ("kredietbank", "waterlelie"):
        taken = _verified(receiver.accepted(f"/{org}"), secrets)
        assert len({e["id"] for e in taken}) == len(taken) == 3
        assert [e["type"] for e in sorted(taken, key=lambda e: e["time"])] == [
            "nl.overdracht.referral.sent",
            "nl.overdracht.referral.accepted",
            "nl.overdracht.referral.in_progress",
        ]
    assert receiver.accepted("/taalhuis") == []
    # One event per change: both organisations get the same id for it.
    assert {e["id"] for e in _verified(receiver.accepted("/kredietbank"), secrets)} == {
        e["id"] for e in _verified(receiver.accepted("/waterlelie"), secrets)
    }

    accepted = next(e for e in events if e["type"] == "nl.overdracht.referral.accepted")
    assert accepted["specversion"] == "1.0" and accepted["source"] == "urn:nld:overdracht"
    assert accepted["subject"] == str(draft.pk) and accepted["datacontenttype"] == "application/json"
    assert accepted["dataref"] == f"https://overdracht.example/api/v1/referrals/{draft.pk}/"
    assert accepted["data"] == {
        "referral": str(draft.pk),
        "state": "accepted",
        "previousState": "sent",
        "action": "accept",
        "fromOrganisation": "waterlelie",
        "toOrganisation": "kredietbank",
    }
    assert all(r.headers["content-type"] == "application/cloudevents+json" for r in receiver.received)
    # No personal data in any body or header: not the name, phone, summary or pseudonym.
    for request in receiver.received:
        sent = request.body.decode() + json.dumps(request.headers)
        for personal in ("Sanne", "Jansen", "0612345678", "Aanmaningen", resident.pseudonym):
            assert personal not in sent


def test_a_rolled_back_transition_sends_no_event(
    receiver, world, draft, monkeypatch, django_capture_on_commit_callbacks
):
    p = world.people
    _subscribe(world, "kredietbank", p.kees, receiver.url())
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_send(referral=draft, actor=p.fatima)
    assert list(PartnerEvent.objects.values_list("type", flat=True)) == ["nl.overdracht.referral.sent"]

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    # The crash comes after the accept's timeline event (and so its partner event) was written.
    monkeypatch.setattr(services.referrals.FollowUp.objects, "create", explode)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        services.referral_accept(referral=draft, actor=p.kees)
    assert callbacks == []
    assert list(PartnerEvent.objects.values_list("type", flat=True)) == ["nl.overdracht.referral.sent"]
    assert Delivery.objects.count() == 1


def test_only_active_subscriptions_of_active_clients_that_may_see_the_referral_hear_of_it(receiver, world, case):
    p = world.people
    bank, _ = _subscribe(world, "kredietbank", p.kees, receiver.url("/kredietbank"))
    own, _ = _subscribe(world, "waterlelie", p.fatima, receiver.url("/waterlelie"))
    taalhuis, _ = _subscribe(world, "taalhuis", p.anouk, receiver.url("/taalhuis"))

    draft = services.referral_create(
        case=case,
        actor=p.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp,
        summary="Aanmaningen.",
        categories=[world.categories.schulden],
    )
    # A draft is the sender's own: the receiving organisation's client hears nothing of it.
    assert list(Delivery.objects.values_list("subscription", "event__type")) == [
        (own.pk, "nl.overdracht.referral.draft")
    ]
    # A client switched off by the administrator gets nothing, nor does a subscription switched off.
    bank.client.active = False
    bank.client.save()
    subscription_change(own, callback_url=own.callback_url, event_types=[], active=False, by=p.bea)
    services.referral_send(referral=draft, actor=p.fatima)
    assert Delivery.objects.count() == 1
    assert not Delivery.objects.filter(subscription=taalhuis).exists()

    # What was queued before it was switched off is given up, not sent.
    assert deliveries_send_due(now=timezone.now() + timedelta(minutes=1)) == 0
    assert receiver.received == []
    assert Delivery.objects.get().last_error == "subscription inactive"


def test_a_subscription_gets_only_the_types_it_chose(receiver, world, draft):
    p = world.people
    bank, _ = _subscribe(world, "kredietbank", p.kees, receiver.url(), event_types=["nl.overdracht.referral.withdrawn"])
    services.referral_send(referral=draft, actor=p.fatima)
    assert not Delivery.objects.exists()
    services.referral_withdraw(referral=draft, actor=p.fatima)
    assert list(Delivery.objects.values_list("event__type", flat=True)) == ["nl.overdracht.referral.withdrawn"]


@pytest.mark.parametrize("answer", [410, 302])
def test_a_refusal_or_a_redirect_is_given_up_after_a_few_tries_and_never_followed(settings, world, draft, answer):
    settings.EVENTS_ALLOW_LOOPBACK_HTTP = True
    refusing = Receiver(answer=answer)
    refusing.start()
    try:
        _subscribe(world, "kredietbank", world.people.kees, refusing.url())
        services.referral_send(referral=draft, actor=world.people.fatima)
        start = timezone.now()
        for minutes in range(1, 60, 5):
            deliveries_send_due(now=start + timedelta(minutes=minutes))
    finally:
        refusing.stop()
    delivery = Delivery.objects.get()
    assert (delivery.attempts, delivery.last_error) == (MAX_REFUSED, f"HTTP {answer}")
    assert delivery.given_up_at is not None and delivery.delivered_at is None
    assert len(refusing.received) == MAX_REFUSED  # the redirect's target was never asked


def test_callback_urls_are_https_and_plain_http_only_to_this_machine_in_development(settings, world):
    from referrals.services.errors import ActionRefused

    settings.EVENTS_ALLOW_LOOPBACK_HTTP = False
    for url in ["http://127.0.0.1:8000/events", "http://partner.example/events", "https://user:pw@partner.example/"]:
        with pytest.raises(ActionRefused):
            _subscribe(world, "kredietbank", world.people.kees, url)
    settings.EVENTS_ALLOW_LOOPBACK_HTTP = True
    with pytest.raises(ActionRefused):
        _subscribe(world, "kredietbank", world.people.kees, "http://partner.example/events")
    subscription, secret = _subscribe(world, "kredietbank", world.people.kees, "https://partner.example/events")
    assert secret.startswith("whsec_") and subscription.secret == secret
    assert secret not in subscription.secret_ciphertext


@pytest.mark.django_db(transaction=True)
def test_three_workers_at_once_deliver_each_event_once(threads_share_the_database, receiver, world):
    subscription, secret = _subscribe(world, "kredietbank", world.people.kees, receiver.url())
    for number in range(20):
        event = PartnerEvent.objects.create(
            type="nl.overdracht.referral.sent", subject=str(number), dataref=f"https://overdracht.example/{number}/"
        )
        Delivery.objects.create(event=event, subscription=subscription)
    start = timezone.now()
    barrier = threading.Barrier(3)
    delivered = [0, 0, 0]

    def work(i):
        try:
            # Rounds the three sweep together, each at the same moment (a lease runs from the
            # sweep's `now`); each round is past the backoff of the one before.
            for hours in range(1, 5):
                barrier.wait(timeout=60)
                delivered[i] += deliveries_send_due(now=start + timedelta(hours=hours))
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sum(delivered) == 20
    # No attempt was made twice at once: each id was tried exactly three times (500, 500, 204).
    assert Counter(Counter(r.headers["webhook-id"] for r in receiver.received).values()) == {3: 20}
    assert len(receiver.accepted()) == 20
    assert all(Webhook(secret).verify(r.body, r.headers) for r in receiver.received)


def test_rotating_the_master_key_rewraps_the_subscriptions_secret_too(world, settings):
    from io import StringIO

    from django.core.management import call_command

    from events.models import Subscription
    from tests.privacy.helpers import new_key

    settings.FIELD_ENCRYPTION_KEYS = new_key("old")
    subscription, secret = _subscribe(world, "kredietbank", world.people.kees, "https://partner.example/events")
    settings.FIELD_ENCRYPTION_KEYS = f"{new_key('new')},{settings.FIELD_ENCRYPTION_KEYS}"
    out = StringIO()
    call_command("rotate_master_key", stdout=out)
    assert "0 left" in out.getvalue()
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS.split(",")[0]  # the old key is gone
    assert Subscription.objects.get(pk=subscription.pk).secret == secret


def test_delivered_and_given_up_deliveries_are_pruned_but_nothing_waiting_or_recent(world):
    from jobs.tasks import prune_history

    subscription, _ = _subscribe(world, "kredietbank", world.people.kees, "https://partner.example/events")
    now, old = timezone.now(), timezone.now() - timedelta(days=91)

    def delivery(**fields):
        event = PartnerEvent.objects.create(type="t", subject="1", dataref="https://x/", time=old)
        return Delivery.objects.create(event=event, subscription=subscription, **fields)

    gone = [delivery(delivered_at=old), delivery(given_up_at=old)]
    keep = [delivery(delivered_at=now), delivery(next_attempt_at=old)]  # recent, and still waiting
    assert prune_history.call().endswith("2 event deliveries older than 90 days removed.")
    assert set(Delivery.objects.all()) == set(keep)
    assert (
        set(PartnerEvent.objects.all()) == {d.event for d in keep} and gone[0].event not in PartnerEvent.objects.all()
    )
