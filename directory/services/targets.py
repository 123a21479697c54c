# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The programme manager enters what each partner agreed to reach with a service in a period."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from accounts.selectors.actor import actor_for
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Organisation, Service, ServiceTarget
from policies.programme import may_set_targets
from policies.roles import Role
from referrals.services.errors import ActionRefused


@audited()
def service_target_set(
    *,
    actor: AbstractBaseUser | AnonymousUser,
    service: Service,
    starts_on: date,
    ends_on: date,
    measure: str,
    target: int,
) -> ServiceTarget:
    """Set (or correct) the target for a service, period and measure."""
    who = actor_for(actor)
    if not may_set_targets(who):
        raise ActionRefused(_("Alleen de programmamanager legt de afgesproken doelen vast."))
    if ends_on < starts_on:
        raise ActionRefused(_("De einddatum ligt vóór de begindatum."), field="ends_on")
    if measure not in ServiceTarget.Measure.values:
        raise ActionRefused(_("Kies wat er telt."), field="measure")
    if target < 1:
        raise ActionRefused(_("Het doel is minstens 1."), field="target")
    organisation = Organisation(pk=min(who.organisations_with({Role.PROGRAMME})))
    with audit_context(actor=actor, activity="administration", organisation=organisation, role=Role.PROGRAMME):
        row, _created = ServiceTarget.objects.update_or_create(
            service=service, starts_on=starts_on, ends_on=ends_on, measure=measure, defaults={"target": target}
        )
    return row
