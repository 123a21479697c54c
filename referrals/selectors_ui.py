"""Reads the pages need that referrals/selectors.py does not have (yet).

Reads only; each returns a queryset with its relations loaded, so a list page
costs a fixed number of queries.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from policies.roles import RECEIVING_ROLES
from policies.visibility import visible_cases
from referrals.models import Case, Service


def active_services(on=None) -> QuerySet:
    """Services that exist today (valid_from <= today <= valid_until, open-ended allowed)."""
    on = on or timezone.localdate()
    return Service.objects.filter(valid_from__lte=on).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))


def directory_search(*, q: str = "", category=None, wijk=None, language: str = "", walk_in: bool = False) -> QuerySet:
    """Active services that take referrals, matching the search (the routekaart)."""
    qs = active_services().filter(accepts_referrals=True, organisation__agreement_signed_on__isnull=False)
    if q:
        qs = qs.filter(
            Q(name__icontains=q) | Q(description__icontains=q) | Q(organisation__name__icontains=q)
            | Q(categories__name__icontains=q) | Q(eligibility__icontains=q)
        )
    if category is not None:
        qs = qs.filter(categories=category)
    if wijk is not None:
        # No wijken on a service means: the whole municipality.
        qs = qs.annotate(n_wijken=Count("wijken", distinct=True)).filter(Q(wijken=wijk) | Q(n_wijken=0))
    if language:
        qs = qs.filter(languages__icontains=f'"{language}"')
    if walk_in:
        qs = qs.exclude(walk_in_hours="")
    ids = qs.values("pk")
    return (
        Service.objects.filter(pk__in=ids).select_related("organisation")
        .prefetch_related("categories", "wijken").order_by("organisation__name", "name")
    )


def services_of(organisation) -> QuerySet:
    """All of an organisation's services, ended ones included, for its coordinator."""
    return Service.objects.filter(organisation=organisation).prefetch_related("categories").order_by("name")


def cases_of(user) -> QuerySet:
    """The cases a user works on (as regisseur or from the opening organisation), newest first."""
    return (
        visible_cases(user).filter(status=Case.Status.OPEN)
        .select_related("resident", "regisseur", "regisseur_organisation", "wijk")
        .prefetch_related("categories")
        .annotate(n_referrals=Count("referrals", distinct=True))
        .order_by("-created_at", "-pk")
    )


def colleagues(organisation) -> QuerySet:
    """People of `organisation` who can take a referral (intake or coordinator)."""
    return (
        get_user_model().objects.filter(
            memberships__organisation=organisation, memberships__role__in=[str(r) for r in RECEIVING_ROLES],
            is_active=True,
        )
        .distinct().order_by("first_name", "username")
    )


def recent_notifications(user, limit: int = 5) -> list:
    """The user's latest messages (they name a case reference, never the resident)."""
    from referrals.models import Notification

    return list(Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")[:limit])
