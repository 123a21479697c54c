"""Reads of cases for the pages (lists with their relations loaded: a fixed number of queries)."""

from django.db.models import Count, QuerySet

from accounts.selectors.actor import actor_for
from policies.cases import case_policy
from referrals.models import Case, Notification


def visible_cases(user) -> QuerySet:
    """Cases `user` works on (policies.cases), as one SQL-filtered queryset."""
    return case_policy.filter(actor_for(user), Case.objects.all())


def cases_of(user) -> QuerySet:
    """The cases a user works on (as regisseur or from the opening organisation), newest first."""
    return (
        visible_cases(user)
        .filter(status=Case.Status.OPEN)
        .select_related("resident", "regisseur", "regisseur_organisation", "wijk")
        .prefetch_related("categories")
        .annotate(n_referrals=Count("referrals", distinct=True))
        .order_by("-created_at", "-pk")
    )


def recent_notifications(user, limit: int = 5) -> list:
    """The user's latest messages (they name a case reference, never the resident)."""
    return list(Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")[:limit])
