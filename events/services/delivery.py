# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Delivering events from the outbox (events.models.Delivery): at least once, signed, with backoff.

The e-mail outbox's design (referrals.services.outbox): `delivery_send` claims the row with one
conditional UPDATE that moves `next_attempt_at` a lease ahead, so two workers never send it at
once and a worker that dies halfway leaves it for a later attempt; it is marked delivered only
after the receiver answered 2xx. Otherwise:

- 5xx, 408, 429, a time-out or no connection: tried again after 1, 2, 4 … minutes (at most an
  hour apart), and given up after MAX_ATTEMPTS attempts;
- any other answer (4xx, or a redirect, which is never followed): the receiver refuses it;
  tried MAX_REFUSED times in case that was a deployment, then given up;
- an inactive subscription or client, or a callback URL no longer allowed: given up at once.

A given-up delivery stays visible to the functional administrator (admin, Afleveringen) with its
last status code. A receiver's answer is never read nor logged: only its status code is kept.
A receiver can get an event twice (a crash between its 2xx and the UPDATE that records it, or a
time-out after it accepted): it de-duplicates on the event id.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Delivery
from events.services.envelope import signed_request
from referrals.services.outbox import backoff

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 12  # with the backoff: about eight hours of trying
MAX_REFUSED = 3
RETRY_STATUSES = {408, 429}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def lease() -> timedelta:
    """How long a claimed delivery is left alone: well beyond one request's time-outs."""
    return timedelta(seconds=max(60, 4 * settings.EVENTS_TIMEOUT))


def callback_url_problem(url: str) -> str | None:
    """Why `url` may not receive events, or None. https only; plain http to this machine only in
    development (EVENTS_ALLOW_LOOPBACK_HTTP), for a receiver under test."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        return _("Zet geen gebruikersnaam of wachtwoord in de callback-URL.")
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS and settings.EVENTS_ALLOW_LOOPBACK_HTTP:
        return None
    return _("De callback-URL moet met https:// beginnen.")


def delivery_send(pk: int, *, now: datetime | None = None, http: requests.Session | None = None) -> bool:
    """Send delivery `pk` if it is due and nobody else is sending it; True when the receiver took it."""
    now = now or timezone.now()
    claimed = Delivery.objects.filter(
        pk=pk, delivered_at__isnull=True, given_up_at__isnull=True, next_attempt_at__lte=now
    ).update(next_attempt_at=now + lease(), attempts=F("attempts") + 1)
    if not claimed:
        return False
    delivery = Delivery.objects.select_related("event", "subscription__client").get(pk=pk)
    subscription = delivery.subscription
    if not (subscription.active and subscription.client.active):
        _give_up(delivery, "subscription inactive")
        return False
    if callback_url_problem(subscription.callback_url):
        _give_up(delivery, "callback URL not allowed")
        return False
    body, headers = signed_request(delivery.event, subscription.secret, timezone.now())
    try:
        response = (http or requests).post(
            subscription.callback_url,
            data=body,
            headers=headers,
            timeout=(settings.EVENTS_TIMEOUT, settings.EVENTS_TIMEOUT),
            allow_redirects=False,
            stream=True,  # the answer's body is never read
        )
    except requests.Timeout:
        _failed(delivery, now, "timeout", retry=True)
        return False
    except requests.RequestException as error:  # no connection, a reset, a TLS failure
        _failed(delivery, now, type(error).__name__, retry=True)
        return False
    status = response.status_code
    response.close()
    if 200 <= status < 300:
        Delivery.objects.filter(pk=pk).update(delivered_at=timezone.now(), last_error="")
        return True
    _failed(delivery, now, f"HTTP {status}", retry=status >= 500 or status in RETRY_STATUSES)
    return False


def _failed(delivery: Delivery, now: datetime, error: str, *, retry: bool) -> None:
    if delivery.attempts >= (MAX_ATTEMPTS if retry else MAX_REFUSED):
        _give_up(delivery, error)
        return
    retry_at = now + backoff(delivery.attempts)
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=retry_at, last_error=error[:200])
    logger.warning(
        "Event delivery %s not delivered (%s), attempt %s; next attempt at %s",
        delivery.pk,
        error,
        delivery.attempts,
        retry_at,
    )


def _give_up(delivery: Delivery, error: str) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(given_up_at=timezone.now(), last_error=error[:200])
    logger.error("Event delivery %s given up after %s attempt(s): %s", delivery.pk, delivery.attempts, error)


def deliveries_send_due(*, now: datetime | None = None) -> int:
    """Send every delivery that is due (the retries, and any whose task was lost); returns how many arrived."""
    now = now or timezone.now()
    due = Delivery.objects.filter(delivered_at__isnull=True, given_up_at__isnull=True, next_attempt_at__lte=now)
    pks = list(due.order_by("next_attempt_at", "pk").values_list("pk", flat=True))
    with requests.Session() as http:  # one connection per receiver for the whole sweep
        return sum(delivery_send(pk, now=now, http=http) for pk in pks)


def deliveries_prune(*, before: datetime) -> int:
    """Remove deliveries delivered or given up before `before`, and events left without any; returns
    how many deliveries."""
    from events.models import PartnerEvent

    deleted, _ = Delivery.objects.filter(Q(delivered_at__lt=before) | Q(given_up_at__lt=before)).delete()
    PartnerEvent.objects.filter(time__lt=before, deliveries__isnull=True).delete()
    return deleted
