# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The functional administrator subscribes a client application to events (audited).

The signing secret is made here and returned once, to be shown once; it is kept encrypted
(events.models.Subscription) and never shown again. A new secret means a new subscription.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext as _

from api.models import ClientAuthorisation
from audit.services.sealing import audited
from audit.services.trail import audit_context
from events.models import Subscription
from events.services.delivery import callback_url_problem
from events.services.envelope import EVENT_TYPES
from referrals.services.errors import ActionRefused


def new_secret() -> str:
    """A Standard Webhooks secret: `whsec_` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def _checked(callback_url: str, event_types: Iterable[str]) -> list[str]:
    problem = callback_url_problem(callback_url)
    if problem:
        raise ActionRefused(problem, field="callback_url")
    types = sorted(set(event_types))
    unknown = set(types) - set(EVENT_TYPES)
    if unknown:
        raise ActionRefused(
            _("Onbekende soort event: %(types)s") % {"types": ", ".join(sorted(unknown))}, field="event_types"
        )
    return types


@audited()
def subscription_create(
    *, client: ClientAuthorisation, callback_url: str, event_types: Iterable[str] = (), by: AbstractBaseUser
) -> tuple[Subscription, str]:
    """A subscription of `client` and its secret (the only time the secret leaves the service)."""
    types = _checked(callback_url, event_types)
    secret = new_secret()
    with audit_context(activity="administration", actor=by):
        subscription = Subscription(client=client, callback_url=callback_url, event_types=types)
        subscription.secret = secret
        subscription.save()
    return subscription, secret


@audited()
def subscription_change(
    subscription: Subscription, *, callback_url: str, event_types: Iterable[str], active: bool, by: AbstractBaseUser
) -> Subscription:
    types = _checked(callback_url, event_types)
    with audit_context(activity="administration", actor=by):
        subscription.callback_url = callback_url
        subscription.event_types = types
        subscription.active = active
        subscription.save(update_fields=["callback_url", "event_types", "active"])
    return subscription
