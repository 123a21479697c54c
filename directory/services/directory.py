# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Keeping the directory up to date: a coordinator edits the organisation's services."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from accounts.selectors.actor import actor_for
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Category, Location, Organisation, Service, Wijk
from directory.services.places import set_location, set_walk_in_hours
from policies.directory import may_edit_services
from referrals.services.errors import ActionRefused


@audited()
def service_update(
    *,
    service: Service,
    actor: AbstractBaseUser | AnonymousUser,
    categories: Iterable[Category],
    wijken: Iterable[Wijk],
    location: Location | None = None,
    walk_in_hours: str = "",
    **fields: Any,
) -> Service:
    service = Service.objects.select_for_update().select_related("organisation").get(pk=service.pk)
    if not may_edit_services(actor_for(actor), service.organisation_id):
        raise ActionRefused(
            _("Alleen de coördinator van %(org)s kan de diensten bijwerken.") % {"org": service.organisation}
        )
    if fields.get("valid_until") and fields["valid_until"] < service.valid_from:
        raise ActionRefused(_("De einddatum ligt vóór de begindatum."), field="valid_until")
    if Service.objects.filter(organisation=service.organisation, name=fields["name"]).exclude(pk=service.pk).exists():
        raise ActionRefused(_("Uw organisatie heeft al een dienst met deze naam."), field="name")
    with audit_context(actor=actor, activity="administration", organisation=service.organisation, role="coordinator"):
        for name, value in fields.items():
            setattr(service, name, value)
        service.save()
        service.categories.set(categories)
        service.wijken.set(wijken)
        set_location(service, location)
        set_walk_in_hours(service, walk_in_hours)
    return service


@audited()
def service_create(
    *,
    organisation: Organisation,
    actor: AbstractBaseUser | AnonymousUser,
    categories: Iterable[Category],
    wijken: Iterable[Wijk],
    location: Location | None = None,
    walk_in_hours: str = "",
    **fields: Any,
) -> Service:
    if not may_edit_services(actor_for(actor), organisation.pk):
        raise ActionRefused(_("Alleen de coördinator van %(org)s kan diensten toevoegen.") % {"org": organisation})
    if Service.objects.filter(organisation=organisation, name=fields["name"]).exists():
        raise ActionRefused(_("Uw organisatie heeft al een dienst met deze naam."), field="name")
    with audit_context(actor=actor, activity="administration", organisation=organisation, role="coordinator"):
        service = Service.objects.create(organisation=organisation, **fields)
        service.categories.set(categories)
        service.wijken.set(wijken)
        set_location(service, location)
        set_walk_in_hours(service, walk_in_hours)
    return service
