# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Closing a case with a coded reason (and a waakvlam check months later), and reopening it."""

from __future__ import annotations

import calendar
from contextlib import AbstractContextManager
from datetime import date

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors.actor import actor_for
from audit.services.sealing import audited
from audit.services.trail import audit_context
from policies.cases import NO_WAAKVLAM_AFTER, WAAKVLAM_MONTHS, CloseReason, case_policy
from referrals.models import OPEN_STATES, Case, CaseEvent, FollowUp, Referral, RegieOffer
from referrals.services.errors import ActionRefused


def months_later(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter: 30 November → 28 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("regisseur_organisation").get(pk=case.pk)


def _as_regisseur(case: Case, actor: User) -> AbstractContextManager[None]:
    return audit_context(
        actor=actor, activity="case_management", organisation=case.regisseur_organisation, role="regisseur"
    )


@audited()
def case_close(*, case: Case, actor: User, reason: str) -> Case:
    """Close the case; refused while one of its referrals is still open (the refusal names them)."""
    case = _locked(case)
    actor_ = actor_for(actor)
    if not case_policy.may_close(actor_, case):
        if case_policy.is_regisseur(actor_, case):
            raise ActionRefused(_("De casus is al gesloten."))
        raise ActionRefused(_("Alleen de regisseur sluit de casus."))
    if reason not in CloseReason.values:
        raise ActionRefused(_("Kies waarom de casus sluit."), field="reason")
    still_open = list(
        Referral.objects.filter(case=case, state__in=OPEN_STATES)
        .select_related("case", "to_organisation")
        .order_by("created_at", "pk")
    )
    if still_open:
        raise ActionRefused(
            _("De casus kan nog niet sluiten: deze verwijzingen lopen nog: %(open)s. Sluit of trek ze eerst in.")
            % {"open": "; ".join(f"{r} ({r.to_organisation}, {r.get_state_display().lower()})" for r in still_open)}
        )
    if RegieOffer.objects.filter(case=case, status=RegieOffer.Status.PENDING).exists():
        raise ActionRefused(_("De regie is aangeboden aan een ander: trek dat aanbod eerst in."))
    today = timezone.localdate()
    with _as_regisseur(case, actor):
        case.status = Case.Status.CLOSED
        case.closed_at = timezone.now()
        case.closed_reason = reason
        case.save(update_fields=["status", "closed_at", "closed_reason"])
        CaseEvent.objects.create(
            case=case,
            name=CaseEvent.Name.CLOSED,
            actor=actor,
            actor_organisation=case.regisseur_organisation,
            reason=reason,
        )
        if reason not in NO_WAAKVLAM_AFTER:
            FollowUp.objects.create(
                case=case,
                owner=case.regisseur,
                kind=FollowUp.Kind.WAAKVLAM,
                due_on=months_later(today, WAAKVLAM_MONTHS),
            )
    return case


@audited()
def case_reopen(*, case: Case, actor: User) -> Case:
    """Reopen a closed case: the regisseur follows it actively again, so its waakvlam check goes."""
    case = _locked(case)
    actor_ = actor_for(actor)
    if not case_policy.may_reopen(actor_, case):
        if case_policy.is_regisseur(actor_, case):
            raise ActionRefused(_("De casus is open."))
        raise ActionRefused(_("Alleen de regisseur heropent de casus."))
    with _as_regisseur(case, actor):
        case.status = Case.Status.OPEN
        case.closed_at = None
        case.closed_reason = ""
        case.save(update_fields=["status", "closed_at", "closed_reason"])
        for waakvlam in FollowUp.objects.filter(case=case, kind=FollowUp.Kind.WAAKVLAM, done_on__isnull=True):
            waakvlam.delete()  # one by one: each deletion is audited
        CaseEvent.objects.create(
            case=case, name=CaseEvent.Name.REOPENED, actor=actor, actor_organisation=case.regisseur_organisation
        )
    return case
