# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A coordinator says how full a service is: wachtlijst (with the expected wait) or vol until a date."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors.actor import actor_for
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Capacity, Service
from policies.directory import may_edit_services
from referrals.services.errors import ActionRefused


@audited()
def service_set_capacity(
    *,
    service: Service,
    actor: AbstractBaseUser | AnonymousUser,
    capacity: str,
    waiting_weeks: int | None = None,
    full_until: date | None = None,
) -> Service:
    service = Service.objects.select_for_update().select_related("organisation").get(pk=service.pk)
    if not may_edit_services(actor_for(actor), service.organisation_id):
        raise ActionRefused(
            _("Alleen de coördinator van %(org)s kan de capaciteit bijwerken.") % {"org": service.organisation}
        )
    if capacity not in Capacity.values:
        raise ActionRefused(_("Kies plaats, wachtlijst of vol."), field="capacity")
    if capacity == Capacity.WAITING_LIST and not waiting_weeks:
        raise ActionRefused(_("Vul de verwachte wachttijd in weken in."), field="waiting_weeks")
    if capacity == Capacity.FULL:
        if full_until is None:
            raise ActionRefused(_("Vul in tot wanneer de dienst vol is."), field="full_until")
        if full_until < timezone.localdate():
            raise ActionRefused(_("Die datum is al voorbij."), field="full_until")
    with audit_context(actor=actor, activity="administration", organisation=service.organisation, role="coordinator"):
        service.capacity = capacity
        # Only what belongs to the chosen state is kept, so an old waiting time never shows with "vol".
        service.waiting_weeks = waiting_weeks if capacity == Capacity.WAITING_LIST else None
        service.full_until = full_until if capacity == Capacity.FULL else None
        service.save(update_fields=["capacity", "waiting_weeks", "full_until"])
    return service
