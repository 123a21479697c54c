# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Telling people what happened. Messages name the case reference, never the resident."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Membership, NoticeSettings
from directory.models import Organisation
from policies.notices import Delivery, delivery
from policies.roles import RECEIVING_ROLES
from referrals.models import Case, Notification, Referral
from referrals.services.outbox import email_notice


def notify(
    users: Iterable[User | None],
    kind: Notification.Kind,
    message: str,
    *,
    referral: Referral | None = None,
    case: Case | None = None,
    event_key: str = "",
) -> None:
    """Tell each of `users` once. A notice links to its referral or case; `event_key` names an
    event a periodic job may see twice, so that it is told only once (see Notification)."""
    recipients = {u for u in users if u is not None}
    choices = _email_choices(recipients)
    urgency = referral.urgency if referral is not None else None
    for user in sorted(recipients, key=lambda u: u.pk):  # one by one, so auditlog records each
        fields = {"recipient": user, "kind": kind, "message": message, "referral": referral, "case": case}
        how = delivery(kind, urgency, choices[user.pk]) if user.pk in choices else Delivery.NONE
        fields |= {"message_id": getattr(message, "msgid", ""), "message_params": getattr(message, "params", {})}
        if not event_key:  # a transition's own notice: the state machine makes it happen once
            email_notice(Notification.objects.create(**fields), how)
            continue
        if Notification.objects.filter(recipient=user, referral=referral, event_key=event_key).exists():
            continue
        try:
            with transaction.atomic():  # a savepoint: a concurrent twin loses here, not the whole job
                email_notice(Notification.objects.create(**fields, event_key=event_key), how)
        except IntegrityError:
            continue


def _email_choices(recipients: set[User]) -> dict[int, str]:
    """Each recipient's choice for e-mail (accounts.NoticeSettings), for those who can get one."""
    if not settings.NOTIFY_BY_EMAIL:
        return {}
    with_address = [user.pk for user in recipients if user.email]
    chosen = dict(NoticeSettings.objects.filter(user_id__in=with_address).values_list("user_id", "email"))
    return {pk: chosen.get(pk, NoticeSettings.DEFAULT) for pk in with_address}


def mark_read(notices: QuerySet[Notification], *, now: datetime | None = None) -> int:
    """Mark `notices` (a queryset of one person's notices) read; returns how many were unread."""
    return notices.filter(read_at__isnull=True).update(read_at=now or timezone.now())


def receiving_people(organisation: Organisation, roles: Iterable[str] = RECEIVING_ROLES) -> list[User]:
    """The people who work `organisation`'s inbox today (or hold one of `roles` there), once each."""
    memberships = (
        Membership.objects.active()
        .filter(organisation=organisation, role__in=[str(r) for r in roles], user__is_active=True)
        .select_related("user")
        .order_by("user_id")
    )
    return list({m.user_id: m.user for m in memberships}.values())
