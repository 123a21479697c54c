# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Reads, filtered by policy in SQL; a page costs the same queries for 10 rows or 10,000."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Case as When_
from django.db.models import Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from accounts.selectors.actor import actor_for
from directory.models import Organisation
from policies.cases import case_policy
from policies.referrals import referral_policy
from policies.roles import REFERRING_ROLES
from referrals.models import Case, FollowUp, Referral, ReferralEvent, State, Urgency

_LIST_RELATED = (
    "case",
    "case__wijk",
    "service",
    "to_organisation",
    "from_organisation",
    "assignee",
    "from_user",
)


# The encrypted content a list never shows: not read for 25 rows of a page.
_CONTENT_COLUMNS = (
    "summary_ciphertext",
    "legal_basis_justification_ciphertext",
    "decline_note_ciphertext",
    "outcome_note_ciphertext",
    "first_contact_note_ciphertext",
    "shared_data",
)


def visible_referrals(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Referral]:
    """Every referral `user` may see (policies.referrals), as one SQL-filtered queryset."""
    return referral_policy.filter(actor_for(user), Referral.objects.all())


def list_queryset(qs: QuerySet[Referral]) -> QuerySet[Referral]:
    return qs.select_related(*_LIST_RELATED).prefetch_related("categories")


def _urgent_first(qs: QuerySet[Referral]) -> QuerySet[Referral]:
    urgent = When_(When(urgency=Urgency.URGENT, then=Value(0)), default=Value(1), output_field=IntegerField())
    return qs.annotate(urgent_rank=urgent).order_by("urgent_rank", "respond_by", "pk")


def inbox_for(user: User, organisation: Organisation, *, box: str = "all") -> QuerySet[Referral]:
    """The receiving organisation's inbox: urgent first, then by deadline.

    box: "new" (sent, not yet picked up), "overdue" (sent and past the service's
    response time), "mine" (accepted or in progress, assigned to `user`), or
    "all" (everything the organisation is working on).
    """
    now = timezone.now()
    qs = visible_referrals(user).filter(to_organisation=organisation)
    if box == "new":
        qs = qs.filter(state=State.SENT)
    elif box == "overdue":
        qs = qs.filter(state=State.SENT, respond_by__lt=now)
    elif box == "mine":
        qs = qs.filter(assignee=user, state__in=[State.ACCEPTED, State.IN_PROGRESS])
    else:
        qs = qs.filter(state__in=[State.SENT, State.ACCEPTED, State.IN_PROGRESS])
    return list_queryset(_urgent_first(qs)).defer(*_CONTENT_COLUMNS)


def inbox_counts(user: User, organisation: Organisation) -> dict[str, int]:
    """The numbers on the inbox tabs, in one query (the open tab's paginator uses its number too)."""
    now = timezone.now()
    qs = visible_referrals(user).filter(to_organisation=organisation)
    return qs.aggregate(
        new=Count("pk", filter=Q(state=State.SENT)),
        overdue=Count("pk", filter=Q(state=State.SENT, respond_by__lt=now)),
        mine=Count("pk", filter=Q(assignee=user, state__in=[State.ACCEPTED, State.IN_PROGRESS])),
        all=Count("pk", filter=Q(state__in=[State.SENT, State.ACCEPTED, State.IN_PROGRESS])),
    )


def sent_by(user: AbstractBaseUser | AnonymousUser, *, organisation: Organisation | None = None) -> QuerySet[Referral]:
    """Referrals sent from the user's organisations, newest first, with overdue ones marked."""
    orgs = actor_for(user).organisations_with(REFERRING_ROLES)
    if organisation is not None:
        orgs = orgs & {organisation.pk}
    qs = visible_referrals(user).filter(from_organisation_id__in=orgs)
    return list_queryset(qs).defer(*_CONTENT_COLUMNS).order_by("-created_at", "-pk")


def sent_counts(referrals: QuerySet[Referral], now: datetime) -> dict[str, int]:
    """How many of `referrals` (sent_by) there are, and how many are overdue, in one query."""
    return referrals.order_by().aggregate(
        all=Count("pk"), overdue=Count("pk", filter=Q(state=State.SENT, respond_by__lt=now))
    )


def is_overdue(referral: Referral, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return referral.state == State.SENT and referral.respond_by is not None and referral.respond_by < now


def case_timeline(case: Case, user: AbstractBaseUser | AnonymousUser) -> dict[str, Any]:
    """The regisseur's view: every referral across partners, their events, follow-ups due."""
    if not case_policy.sees(actor_for(user), case):
        raise Http404
    referrals = list(
        list_queryset(Referral.objects.filter(case=case))
        .prefetch_related(
            Prefetch("events", queryset=ReferralEvent.objects.select_related("actor", "actor_organisation"))
        )
        .order_by("created_at", "pk")
    )
    events = sorted((e for r in referrals for e in r.events.all()), key=lambda e: (e.at, e.pk))
    follow_ups = list(FollowUp.objects.filter(case=case).select_related("referral", "owner").order_by("due_on", "pk"))
    return {
        "referrals": referrals,
        "events": events,
        "follow_ups": follow_ups,
        "follow_ups_due": [f for f in follow_ups if f.done_on is None and f.due_on <= timezone.localdate()],
        "goals": list(case.goals.all()),
    }
