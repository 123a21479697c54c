# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Reads of the directory (the Wegwijzer): services that exist today, search, an organisation's own."""

from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.selectors.actor import actor_for
from directory.models import Category, Organisation, Service, Wijk
from policies.directory import may_edit_services


def active_services(on: date | None = None) -> QuerySet[Service]:
    """Services that exist today (valid_from <= today <= valid_until, open-ended allowed)."""
    on = on or timezone.localdate()
    return Service.objects.filter(valid_from__lte=on).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))


def directory_search(
    *,
    q: str = "",
    category: Category | None = None,
    wijk: Wijk | None = None,
    language: str = "",
    walk_in: bool = False,
) -> QuerySet[Service]:
    """Active services that take referrals, matching the search (the routekaart)."""
    qs = active_services().filter(accepts_referrals=True, organisation__agreement_signed_on__isnull=False)
    if q:
        qs = qs.filter(
            Q(name__icontains=q)
            | Q(description__icontains=q)
            | Q(organisation__name__icontains=q)
            | Q(categories__name__icontains=q)
            | Q(eligibility__icontains=q)
        )
    if category is not None:
        qs = qs.filter(categories=category)
    if wijk is not None:
        # No wijken on a service means: the whole municipality.
        qs = qs.annotate(n_wijken=Count("wijken", distinct=True)).filter(Q(wijken=wijk) | Q(n_wijken=0))
    if language:
        qs = qs.filter(languages__icontains=f'"{language}"')
    if walk_in:
        qs = qs.filter(schedules__isnull=False)
    ids = qs.values("pk")
    return (
        Service.objects.filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related("categories", "wijken", "schedules", "locations")
        .order_by("organisation__name", "name")
    )


def services_of(organisation: Organisation) -> QuerySet[Service]:
    """All of an organisation's services, ended ones included, for its coordinator."""
    return (
        Service.objects.filter(organisation=organisation).prefetch_related("categories", "schedules").order_by("name")
    )


def service_to_edit(user: AbstractBaseUser | AnonymousUser, pk: int) -> Service:
    """A service its coordinator may edit: 404 when it does not exist, 403 for anyone else.

    Every service is in the Wegwijzer for all to see, so its existence is no secret.
    """
    service = Service.objects.select_related("organisation").filter(pk=pk).first()
    if service is None:
        raise Http404
    if not may_edit_services(actor_for(user), service.organisation_id):
        raise PermissionDenied
    return service
