# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Reads of cases for the pages (lists with their relations loaded: a fixed number of queries)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, QuerySet
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import actor_for
from policies.cases import case_policy
from policies.roles import REFERRING_ROLES
from referrals.models import Case, CaseEvent, Consent, FollowUp, Notification, RegieOffer, Resident


def visible_cases(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Case]:
    """Cases `user` works on (policies.cases), as one SQL-filtered queryset."""
    return case_policy.filter(actor_for(user), Case.objects.all())


def cases_of(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Case]:
    """The cases a user works on (as regisseur or from the opening organisation), newest first."""
    return (
        visible_cases(user)
        .filter(status=Case.Status.OPEN)
        .select_related("resident", "regisseur", "regisseur_organisation", "wijk")
        .prefetch_related("categories")
        .annotate(n_referrals=Count("referrals", distinct=True))
        .order_by("-created_at", "-pk")
    )


def recent_notifications(user: User, limit: int = 5) -> list[Notification]:
    """The user's latest unread messages (they name a case reference, never the resident).

    Nothing unread, nothing shown: the list of all messages is one link away (/meldingen/)."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    return list(unread.order_by("-created_at", "-pk")[:limit])


def closed_cases_of(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Case]:
    """Closed cases the user worked on, last closed first; no resident join (a list shows the age band)."""
    return (
        visible_cases(user)
        .filter(status=Case.Status.CLOSED)
        .select_related("regisseur", "regisseur_organisation", "wijk")
        .prefetch_related("categories")
        .order_by("-closed_at", "-pk")
    )


def regie_candidates(case: Case) -> QuerySet[Membership]:
    """Whom the regie can be offered to: who refers at a partner organisation today, not the regisseur."""
    return (
        Membership.objects.active()
        .filter(role__in=[str(r) for r in REFERRING_ROLES], user__is_active=True)
        .exclude(user_id=case.regisseur_id)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__first_name", "user__username", "pk")
    )


def pending_regie_offer(case: Case) -> RegieOffer | None:
    return (
        RegieOffer.objects.filter(case=case, status=RegieOffer.Status.PENDING)
        .select_related("offered_to", "offered_to_organisation", "offered_by")
        .first()
    )


def regie_offers_to(user: AbstractBaseUser | AnonymousUser) -> QuerySet[RegieOffer]:
    """Pending offers of the regie made to `user` (for their case list): only reference-level facts."""
    if user.pk is None:
        return RegieOffer.objects.none()
    # Only while they still refer at the organisation it was offered for: a leaver sees no offer.
    organisations = actor_for(user).organisations_with(REFERRING_ROLES)
    return (
        RegieOffer.objects.filter(
            offered_to_id=user.pk,
            offered_to_organisation_id__in=organisations,
            status=RegieOffer.Status.PENDING,
            case__status=Case.Status.OPEN,
        )
        .select_related("case", "offered_by", "case__regisseur_organisation")
        .order_by("created_at", "pk")
    )


def regie_offer_for(user: AbstractBaseUser | AnonymousUser, case_pk: int) -> RegieOffer | None:
    """The pending offer of case `case_pk` made to `user`, with what they may see before accepting."""
    return (
        regie_offers_to(user)
        .filter(case_id=case_pk)
        .select_related("case__wijk", "offered_to_organisation")
        .prefetch_related("case__categories")
        .first()
    )


def case_events(case: Case) -> list[CaseEvent]:
    return list(
        CaseEvent.objects.filter(case=case)
        .select_related("actor", "actor_organisation", "other", "other_organisation")
        .order_by("at", "pk")
    )


def household_with_consent(case: Case) -> list[tuple[Resident, bool]]:
    """The case's household members, each with whether they have a valid consent of their own today."""
    members = list(case.household.order_by("created_at", "pk"))
    with_consent = set(Consent.objects.valid_on().filter(resident__in=members).values_list("resident_id", flat=True))
    return [(member, member.pk in with_consent) for member in members]


def my_follow_ups(user: AbstractBaseUser | AnonymousUser) -> dict[str, list[FollowUp]]:
    """'Mijn opvolging': the user's open checks across all their cases, by when they are due.

    Only on cases the user still works on (a leaver's follow-ups moved with the regie). No
    resident join: a line shows the case reference, the reason and the partner, not the name.
    """
    today = timezone.localdate()
    open_ones = (
        FollowUp.objects.filter(owner_id=user.pk, done_on__isnull=True, case__in=visible_cases(user).values("pk"))
        .select_related("case", "referral__to_organisation")
        .order_by("due_on", "pk")
    )
    buckets: dict[str, list[FollowUp]] = {"overdue": [], "today": [], "week": [], "later": []}
    for follow_up in open_ones:
        if follow_up.due_on < today:
            buckets["overdue"].append(follow_up)
        elif follow_up.due_on == today:
            buckets["today"].append(follow_up)
        elif follow_up.due_on <= today + timedelta(days=7):
            buckets["week"].append(follow_up)
        else:
            buckets["later"].append(follow_up)
    return buckets
