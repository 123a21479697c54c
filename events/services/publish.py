# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Writing a referral's state change to the events outbox, in the change's own transaction.

`referral_changed` is called where every transition records its timeline event
(referrals.services.referrals._record). A rolled-back transition takes its event and deliveries
with it; after the commit each delivery goes to the worker (events.services.delivery).

A subscription hears of the referrals of its client's organisation: the sending organisation of
every change, the receiving one from the moment the referral was sent to it (not of a draft) —
including its withdrawal or end, as its people are notified of those on the pages. A third
organisation hears nothing. What the event says, the receiving side knew already; the content
stays behind `dataref`, where the API shows what the client's role may see in that state.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from events.models import Delivery, PartnerEvent, Subscription
from events.services.envelope import event_type
from referrals.models import Referral, State


def referral_changed(referral: Referral, *, from_state: str, action: str) -> PartnerEvent | None:
    """Queue the event of `referral`'s change from `from_state` for each subscription that may hear of it."""
    if referral.state == from_state:
        return None  # an assignment, a contact attempt: the timeline's, not a state change
    kind = event_type(referral.state)
    involved = {referral.from_organisation_id}
    if referral.state != State.DRAFT:
        involved.add(referral.to_organisation_id)
    subscriptions = [
        subscription
        for subscription in Subscription.objects.filter(
            active=True, client__active=True, client__organisation_id__in=involved
        )
        if subscription.wants(kind)
    ]
    if not subscriptions:
        return None
    event = PartnerEvent.objects.create(
        type=kind,
        subject=str(referral.pk),
        dataref=settings.SITE_URL.rstrip("/") + reverse("api:referral-detail", args=[referral.pk]),
        data={
            "referral": str(referral.pk),
            "state": referral.state,
            "previousState": from_state,
            "action": action,
            "fromOrganisation": referral.from_organisation.slug,
            "toOrganisation": referral.to_organisation.slug,
        },
    )
    deliveries = Delivery.objects.bulk_create(Delivery(event=event, subscription=s) for s in subscriptions)
    transaction.on_commit(lambda: _enqueue([d.pk for d in deliveries]), robust=True)
    return event


def _enqueue(pks: list[int]) -> None:
    from events.tasks import deliver_event

    # Should the queue not take them, the sweep (every minute) delivers them.
    for pk in pks:
        deliver_event.enqueue(pk)
