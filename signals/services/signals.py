# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A signal's life: handed in, added to, picked up by a signal desk, turned into a case or closed.

Every step is its own audited transaction under the processing activity "signals"; the
rules are in policies.signals.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors.actor import actor_for
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Category, Organisation, Wijk
from policies.roles import Role
from policies.signals import SIGNAL_DESK_ROLES, CloseReason, SignalStatus, signal_policy
from referrals.models import Case, Resident
from referrals.services.errors import ActionRefused
from signals.models import Signal, SignalAddition
from signals.selectors.signals import desk_ids

ACTIVITY = "signals"
# Fixed labels for the audit trail (free text may name people).
REASON_HANDED_IN = "signaal ingediend"
REASON_ADDED = "signaal aangevuld"
REASON_PICKED_UP = "signaal opgepakt"
REASON_CASE_OPENED = "casus geopend vanuit signaal"
REASON_CLOSED = "signaal afgesloten"


def desk_role(actor: User | AbstractBaseUser, organisation_id: int | None) -> str:
    """The role in which a desk professional acts (the audit entry names it)."""
    roles = sorted(actor_for(actor).roles_in(organisation_id) & SIGNAL_DESK_ROLES)
    return roles[0] if roles else ""


@audited()
def signal_hand_in(
    *,
    actor: User,
    organisation: Organisation,
    categories: Collection[Category],
    wijk: Wijk | None,
    concern: str,
    resident_knows: bool,
    resident_agreed_to_contact: bool,
    contact_name: str = "",
    phone: str = "",
    email: str = "",
    preferred_language: str = "nl",
) -> Signal:
    if not signal_policy.may_hand_in(actor_for(actor), organisation.pk):
        raise ActionRefused(_("Alleen een signaleerder van %(org)s kan een signaal indienen.") % {"org": organisation})
    if not categories:
        raise ActionRefused(_("Kies minstens één zorg."), field="categories")
    if wijk is None:
        raise ActionRefused(_("Kies de wijk."), field="wijk")
    if not concern.strip():
        raise ActionRefused(_("Beschrijf kort wat u opviel."), field="concern")
    if resident_agreed_to_contact:
        if not contact_name.strip():
            raise ActionRefused(_("Vul in hoe de professional de inwoner mag aanspreken."), field="contact_name")
        if not phone.strip() and not email.strip():
            raise ActionRefused(
                _("Vul een telefoonnummer of e-mailadres in, zodat de professional contact kan opnemen."), field="phone"
            )
    else:
        # Without the resident's agreement no way to reach them is kept, whatever was typed.
        contact_name = phone = email = ""
    with audit_context(
        actor=actor, activity=ACTIVITY, organisation=organisation, role=Role.SIGNALLER, reason=REASON_HANDED_IN
    ):
        # A resident row of its own, never matched to a known one (no match hash): its data key seals the signal.
        resident = Resident(wijk=wijk)
        resident.given_name = contact_name.strip()
        resident.phone = phone.strip()
        resident.email = email.strip()
        resident.preferred_language = preferred_language if resident_agreed_to_contact else ""
        resident.data_key()
        resident.save()
        signal = Signal(
            resident=resident,
            signalled_by=actor,
            signalled_by_organisation=organisation,
            wijk=wijk,
            resident_agreed_to_contact=resident_agreed_to_contact,
            resident_knows=resident_knows,
        )
        signal.concern = concern.strip()
        signal.save()
        signal.categories.set(categories)
    return signal


def _locked(signal: Signal) -> Signal:
    return Signal.objects.select_for_update().select_related("resident").get(pk=signal.pk)


@audited()
def signal_add_information(*, signal: Signal, actor: User, text: str) -> SignalAddition:
    signal = _locked(signal)
    if not signal_policy.may_add_information(actor_for(actor), signal):
        raise ActionRefused(_("Aanvullen kan tot een professional het signaal heeft opgepakt."))
    if not text.strip():
        raise ActionRefused(_("Schrijf wat u wilt aanvullen."), field="text")
    with audit_context(
        actor=actor,
        activity=ACTIVITY,
        organisation=signal.signalled_by_organisation,
        role=Role.SIGNALLER,
        reason=REASON_ADDED,
    ):
        addition = SignalAddition(signal=signal)
        addition.text = text.strip()
        addition.save()
        signal.last_activity_at = timezone.now()
        signal.save(update_fields=["last_activity_at"])
    return addition


@audited()
def signal_pick_up(*, signal: Signal, actor: User, organisation: Organisation) -> Signal:
    """A desk professional takes the signal for their organisation; two at once: the row lock lets one win."""
    signal = _locked(signal)
    if not signal_policy.may_pick_up(actor_for(actor), signal, organisation.pk, desk_ids()):
        raise ActionRefused(_("Dit signaal is al opgepakt of u werkt niet bij een signaalbalie."))
    now = timezone.now()
    with audit_context(
        actor=actor,
        activity=ACTIVITY,
        organisation=organisation,
        role=desk_role(actor, organisation.pk),
        reason=REASON_PICKED_UP,
    ):
        signal.status = SignalStatus.PICKED_UP
        signal.picked_up_at = signal.last_activity_at = now
        signal.picked_up_by = actor
        signal.picked_up_by_organisation = organisation
        signal.save(
            update_fields=["status", "picked_up_at", "last_activity_at", "picked_up_by", "picked_up_by_organisation"]
        )
    return signal


@audited()
def signal_close(*, signal: Signal, actor: User, reason: str) -> Signal:
    signal = _locked(signal)
    if not signal_policy.may_close(actor_for(actor), signal, desk_ids()):
        raise ActionRefused(_("Afsluiten kan de organisatie die het signaal heeft opgepakt, zolang het open is."))
    if reason not in CloseReason.values:
        raise ActionRefused(_("Kies een reden."), field="reason")
    now = timezone.now()
    with audit_context(
        actor=actor,
        activity=ACTIVITY,
        organisation=signal.picked_up_by_organisation,
        role=desk_role(actor, signal.picked_up_by_organisation_id),
        reason=REASON_CLOSED,
    ):
        signal.status = SignalStatus.CLOSED
        signal.close_reason = reason
        signal.closed_at = signal.last_activity_at = now
        signal.save(update_fields=["status", "close_reason", "closed_at", "last_activity_at"])
    return signal


def signal_open_case(*, signal: Signal, actor: User, **case_fields: Any) -> Case:
    """Open a case from a picked-up signal (referrals' own case_open), then erase the signal.

    Three transactions, each audited: the case is opened by case_open as any case is; the signal
    records it; the signal's own copy of the resident's data is erased (the case now holds what
    is needed). Should the last two not happen, the retention run erases the signal anyway.
    """
    from referrals.services.cases import case_open
    from signals.services.retention import signal_erase

    signal = Signal.objects.select_related("resident", "picked_up_by_organisation").get(pk=signal.pk)
    if not signal_policy.may_open_case(actor_for(actor), signal, desk_ids()):
        raise ActionRefused(_("Een casus openen kan een verwijzer van de organisatie die het signaal oppakte."))
    organisation = signal.picked_up_by_organisation
    assert organisation is not None  # noqa: S101 - may_open_case asks for a picked-up signal
    case = case_open(actor=actor, organisation=organisation, **case_fields)
    signal_record_case(signal=signal, actor=actor, case=case)
    signal_erase(signal=signal, reason=REASON_CASE_OPENED)
    return case


@audited()
def signal_record_case(*, signal: Signal, actor: User, case: Case) -> Signal:
    signal = _locked(signal)
    if not signal_policy.may_open_case(actor_for(actor), signal, desk_ids()):
        raise ActionRefused(_("Een casus openen kan een verwijzer van de organisatie die het signaal oppakte."))
    now = timezone.now()
    with audit_context(
        actor=actor,
        activity=ACTIVITY,
        organisation=signal.picked_up_by_organisation,
        role=desk_role(actor, signal.picked_up_by_organisation_id),
        reason=REASON_CASE_OPENED,
    ):
        signal.status = SignalStatus.CASE_OPENED
        signal.case = case
        signal.closed_at = signal.last_activity_at = now
        signal.save(update_fields=["status", "case", "closed_at", "last_activity_at"])
    return signal
