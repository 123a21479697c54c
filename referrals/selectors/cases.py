"""Reads of cases for the pages (lists with their relations loaded: a fixed number of queries)."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, QuerySet

from accounts.selectors.actor import actor_for
from policies.cases import case_policy
from referrals.models import Case, Notification


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
