"""Telling people what happened. Messages name the case reference, never the resident."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction

from accounts.models import Membership
from directory.models import Organisation
from policies.roles import RECEIVING_ROLES
from referrals.models import Notification, Referral


def notify(
    users: Iterable[User | None], kind: Notification.Kind, message: str, *, referral: Referral | None = None
) -> None:
    recipients = {u for u in users if u is not None}
    for user in recipients:  # one by one, so auditlog records each (bulk_create would bypass it)
        Notification.objects.create(recipient=user, kind=kind, message=message, referral=referral)
    addresses = [u.email for u in recipients if u.email]
    if addresses and settings.NOTIFY_BY_EMAIL:
        # After commit: a rolled-back handover sends nothing.
        transaction.on_commit(
            lambda: send_mail(
                "Overdracht: " + message[:60],
                message + "\n\nLog in om de details te zien.",
                settings.DEFAULT_FROM_EMAIL,
                addresses,
                fail_silently=True,
            )
        )


def receiving_people(organisation: Organisation, roles: Iterable[str] = RECEIVING_ROLES) -> list[User]:
    """The people who work `organisation`'s inbox today (or hold one of `roles` there), once each."""
    memberships = (
        Membership.objects.active()
        .filter(organisation=organisation, role__in=[str(r) for r in roles], user__is_active=True)
        .select_related("user")
        .order_by("user_id")
    )
    return list({m.user_id: m.user for m in memberships}.values())
