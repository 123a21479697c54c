# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Signals (vroegsignalering): who may hand one in, who picks it up, and what each of them sees.

- A **signaller** (volunteer, student, sleutelfiguur, or a member of a housing corporation or
  energy supplier in the signaller role) hands in a signal and afterwards sees only its status
  in three words: ontvangen, opgepakt, afgesloten. Never the content of a case: a signal that
  became a case reads "opgepakt" to them, as any signal a professional took up.
  They may add information until the signal is picked up; after that a professional owns it.
- A **signal desk** (an organisation the functional administrator marks as such) receives every
  new signal. Its professionals who work with residents (referring and receiving roles) see the
  new signals, pick one up for their organisation, contact the resident, and either open a case
  from it (only a referring role may open a case: policies.cases) or close it with a reason.
  Once picked up, only the organisation that picked it up sees it.
- A **coordinator of a signal desk** creates signaller accounts; their memberships run out
  (SIGNALLER_MEMBERSHIP_MONTHS, default 12).
Everyone else: the signal does not exist for them (404).

Plain rules: the caller hands in which organisations are signal desks (signals.selectors).
"""

from __future__ import annotations

import calendar
from collections.abc import Collection
from datetime import date
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from policies.actor import Actor
from policies.roles import RECEIVING_ROLES, REFERRING_ROLES, Role


class SignalStatus(models.TextChoices):
    RECEIVED = "received", _("Ontvangen")
    PICKED_UP = "picked_up", _("Opgepakt")
    CASE_OPENED = "case_opened", _("Casus geopend")
    CLOSED = "closed", _("Afgesloten")


class CloseReason(models.TextChoices):
    # Fixed reasons, no free text: a reason typed about a resident may name people.
    NO_CONTACT = "no_contact", _("Geen contact met de inwoner gekregen")
    DECLINED = "declined", _("De inwoner wil (nu) geen hulp")
    ALREADY_HELPED = "already_helped", _("De inwoner krijgt al hulp")
    ADVICE_GIVEN = "advice_given", _("Afgehandeld met advies of informatie")
    ELSEWHERE = "elsewhere", _("Doorverwezen buiten Overdracht")
    NOT_A_SIGNAL = "not_a_signal", _("Geen signaal voor de signaalbalie")


# What the signaller reads: three words, nothing of what happened after pickup. A case
# opened from the signal reads "opgepakt", so the signaller does not learn that a case exists.
SIGNALLER_STATUS: dict[str, Any] = {
    SignalStatus.RECEIVED: _("Ontvangen"),
    SignalStatus.PICKED_UP: _("Opgepakt"),
    SignalStatus.CASE_OPENED: _("Opgepakt"),
    SignalStatus.CLOSED: _("Afgesloten"),
}

# The same three, as codes for a partner system (the API): "case_opened" reads "picked_up" there too.
SIGNALLER_STATUS_CODE: dict[str, str] = {
    SignalStatus.RECEIVED: SignalStatus.RECEIVED.value,
    SignalStatus.PICKED_UP: SignalStatus.PICKED_UP.value,
    SignalStatus.CASE_OPENED: SignalStatus.PICKED_UP.value,
    SignalStatus.CLOSED: SignalStatus.CLOSED.value,
}

# The professionals of a signal desk who work with residents: those who refer (and may open
# a case) and those who answer an inbox. Privacy officers, programme, admin: never.
SIGNAL_DESK_ROLES = frozenset(REFERRING_ROLES | RECEIVING_ROLES)


def signaller_status(status: str) -> str:
    return str(SIGNALLER_STATUS[status])


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def signaller_valid_until(today: date, months: int) -> date:
    """A signaller's access runs out: volunteers and students move on, and nobody ends it for them."""
    return add_months(today, months)


class SignalPolicy:
    # --- the signaller ------------------------------------------------------------------

    def signalling_organisations(self, actor: Actor) -> frozenset[int]:
        """The organisations the actor may hand in signals for (as a signaller there)."""
        return actor.organisations_with({Role.SIGNALLER}) if actor.is_authenticated else frozenset()

    def may_hand_in(self, actor: Actor, organisation_id: int) -> bool:
        return organisation_id in self.signalling_organisations(actor)

    def is_signaller_of(self, actor: Actor, signal: Any) -> bool:
        # Their own signal, while they are still a signaller at the organisation they handed it in for.
        return (
            actor.is_authenticated
            and signal.signalled_by_id == actor.user_id
            and signal.signalled_by_organisation_id in self.signalling_organisations(actor)
        )

    def may_add_information(self, actor: Actor, signal: Any) -> bool:
        # Until a professional picked it up: after that the professional talks with the resident.
        return self.is_signaller_of(actor, signal) and signal.status == SignalStatus.RECEIVED

    # --- the signal desk ----------------------------------------------------------------

    def desk_organisations(self, actor: Actor, desks: Collection[int]) -> frozenset[int]:
        """The signal desks where the actor works with residents."""
        if not actor.is_authenticated:
            return frozenset()
        return frozenset(org for org in actor.organisations_with(SIGNAL_DESK_ROLES) if org in desks)

    def sees_content(self, actor: Actor, signal: Any, desks: Collection[int]) -> bool:
        """What the signal says and how to reach the resident (never the signaller's view)."""
        if signal.erased_at is not None:
            return False
        mine = self.desk_organisations(actor, desks)
        if signal.status == SignalStatus.RECEIVED:
            # Every desk may take a new signal: each of them sees it until one picks it up.
            return bool(mine)
        # Picked up: it belongs to that organisation alone (still while it is a desk).
        return signal.picked_up_by_organisation_id in mine

    def may_pick_up(self, actor: Actor, signal: Any, organisation_id: int, desks: Collection[int]) -> bool:
        return signal.status == SignalStatus.RECEIVED and organisation_id in self.desk_organisations(actor, desks)

    def may_close(self, actor: Actor, signal: Any, desks: Collection[int]) -> bool:
        return signal.status == SignalStatus.PICKED_UP and self.sees_content(actor, signal, desks)

    def may_open_case(self, actor: Actor, signal: Any, desks: Collection[int]) -> bool:
        # Opening the case itself is case_policy's rule (a referring role at the organisation).
        return (
            signal.status == SignalStatus.PICKED_UP
            and self.sees_content(actor, signal, desks)
            and bool(actor.roles_in(signal.picked_up_by_organisation_id) & REFERRING_ROLES)
        )

    # --- signaller accounts -------------------------------------------------------------

    def signaller_admin_organisations(self, actor: Actor, desks: Collection[int]) -> frozenset[int]:
        """Where the actor may create signaller accounts: as coordinator of a signal desk."""
        if not actor.is_authenticated:
            return frozenset()
        return frozenset(org for org in actor.organisations_with({Role.COORDINATOR}) if org in desks)


signal_policy = SignalPolicy()
