# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What a partner system receives: a CloudEvents 1.0 event after the NL GOV profile, signed.

- `type`: reverse-DNS, one per state a referral reaches (`nl.overdracht.referral.accepted`).
- `source`: this installation as a URN in the `nld` namespace (EVENTS_SOURCE).
- `id`: a random UUID per state change; the same for every receiver and every retry, so a
  receiver de-duplicates on it (the webhook-id header carries it too).
- `time`: when the change was recorded (the profile asks for the logged time).
- `subject`: the referral's id in the API; `dataref`: its API URL, where a client with the right
  scope reads what its role may see ("informatiearm notificeren").
- `data`: the states, the action's code and the two organisations' slugs — never a name, phone,
  summary or pseudonym.

The body is the SDK's structured JSON mode (`application/cloudevents+json`), signed after the
Standard Webhooks scheme: `webhook-id`, `webhook-timestamp`, `webhook-signature` (HMAC-SHA256).
"""

from __future__ import annotations

from datetime import datetime

from cloudevents.core.bindings.http import to_structured_event
from cloudevents.core.v1.event import CloudEvent
from django.conf import settings
from standardwebhooks import Webhook

from events.models import PartnerEvent
from referrals.models import State

TYPE_PREFIX = "nl.overdracht.referral."
EVENT_TYPES = {TYPE_PREFIX + state: label for state, label in State.choices}


def event_type(state: str) -> str:
    return TYPE_PREFIX + state


def envelope(event: PartnerEvent) -> CloudEvent:
    return CloudEvent(
        attributes={
            "specversion": "1.0",
            "id": str(event.id),
            "source": settings.EVENTS_SOURCE,
            "type": event.type,
            "subject": event.subject,
            "time": event.time,
            "datacontenttype": "application/json",
            "dataref": event.dataref,
        },
        data=event.data,
    )


def signed_request(event: PartnerEvent, secret: str, at: datetime) -> tuple[bytes, dict[str, str]]:
    """The body and headers of one delivery attempt (the timestamp is the attempt's own)."""
    message = to_structured_event(envelope(event))
    signature = Webhook(secret).sign(msg_id=str(event.id), timestamp=at, data=message.body.decode())
    headers = {
        **message.headers,
        "webhook-id": str(event.id),
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
    }
    return message.body, headers
