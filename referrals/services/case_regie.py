# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Handing the regie of a case to another professional, who accepts it (één gezin, één regisseur).

The regisseur offers; until the other accepts, the old regisseur stays regisseur, so an open
case never has none. Lock order: the case row, then the offer row (every function here).
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.selectors.actor import actor_for
from accounts.selectors.memberships import hold_membership, works_at
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Organisation
from policies.cases import case_policy
from policies.roles import REFERRING_ROLES
from referrals.models import Case, CaseEvent, FollowUp, Notification, RegieOffer
from referrals.models.notices import notice_text
from referrals.services.errors import ActionRefused
from referrals.services.notifications import notify


def _name(user: AbstractBaseUser) -> str:
    return user.get_full_name() or user.get_username()  # type: ignore[attr-defined]


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("regisseur", "regisseur_organisation").get(pk=case.pk)


def _pending_offer(case: Case) -> RegieOffer | None:
    return (
        RegieOffer.objects.select_for_update()
        .select_related("offered_to", "offered_to_organisation")
        .filter(case=case, status=RegieOffer.Status.PENDING)
        .first()
    )


def _as_regisseur(case: Case, actor: AbstractBaseUser) -> AbstractContextManager[None]:
    return audit_context(
        actor=actor, activity="case_management", organisation=case.regisseur_organisation, role="regisseur"
    )


@audited()
def regie_offer(*, case: Case, actor: User, to_user: User, organisation: Organisation) -> RegieOffer:
    """The regisseur offers the regie to `to_user`, to hold for `organisation` (where they refer)."""
    case = _locked(case)
    if not case_policy.may_offer_regie(actor_for(actor), case):
        if case_policy.is_regisseur(actor_for(actor), case):
            raise ActionRefused(_("De casus is gesloten: heropen hem eerst."))
        raise ActionRefused(_("Alleen de regisseur kan de regie aan een ander aanbieden."))
    if to_user.pk == case.regisseur_id:
        raise ActionRefused(_("Kies een andere professional dan de huidige regisseur."), field="candidate")
    if not (to_user.is_active and works_at(to_user.pk, organisation.pk, REFERRING_ROLES)):
        raise ActionRefused(
            _("%(name)s werkt niet als verwijzer of regisseur bij %(org)s.")
            % {"name": _name(to_user), "org": organisation},
            field="candidate",
        )
    if (pending := _pending_offer(case)) is not None:
        raise ActionRefused(
            _("De regie is al aangeboden aan %(name)s (%(org)s). Trek dat aanbod eerst in.")
            % {"name": _name(pending.offered_to), "org": pending.offered_to_organisation},
            field="candidate",
        )
    with _as_regisseur(case, actor):
        offer = RegieOffer.objects.create(
            case=case, offered_to=to_user, offered_to_organisation=organisation, offered_by=actor
        )
        CaseEvent.objects.create(
            case=case,
            name=CaseEvent.Name.REGIE_OFFERED,
            actor=actor,
            actor_organisation=case.regisseur_organisation,
            other=to_user,
            other_organisation=organisation,
        )
        notify(
            [to_user],
            Notification.Kind.REGIE_OFFERED,
            notice_text(
                gettext_noop("Casus %(ref)s: %(name)s (%(org)s) biedt u de regie aan. Zie Casussen."),
                {"ref": case.reference, "name": _name(actor), "org": case.regisseur_organisation},
            ),
            case=case,
        )
    return offer


def _decided(offer: RegieOffer) -> ActionRefused:
    return ActionRefused(
        _("Dit aanbod van de regie is al afgehandeld: %(status)s.") % {"status": offer.get_status_display().lower()}
    )


@audited()
def regie_offer_cancel(*, offer: RegieOffer, actor: User) -> RegieOffer:
    """The regisseur takes the offer back (before it is accepted)."""
    case = _locked(offer.case)
    offer = RegieOffer.objects.select_for_update().select_related("offered_to").get(pk=offer.pk)
    if not case_policy.is_regisseur(actor_for(actor), case):
        raise ActionRefused(_("Alleen de regisseur kan het aanbod van de regie intrekken."))
    if offer.status != RegieOffer.Status.PENDING:
        raise _decided(offer)
    with _as_regisseur(case, actor):
        _decide(offer, RegieOffer.Status.CANCELLED)
        CaseEvent.objects.create(
            case=case,
            name=CaseEvent.Name.REGIE_CANCELLED,
            actor=actor,
            actor_organisation=case.regisseur_organisation,
            other=offer.offered_to,
            other_organisation=offer.offered_to_organisation,
        )
        notify(
            [offer.offered_to],
            Notification.Kind.REGIE_ANSWERED,
            notice_text(
                gettext_noop("Casus %(ref)s: het aanbod van de regie is ingetrokken."), {"ref": case.reference}
            ),
            case=case,
        )
    return offer


def _may_answer(offer: RegieOffer, actor: User) -> None:
    if offer.status != RegieOffer.Status.PENDING and offer.offered_to_id == actor.pk:
        raise _decided(offer)
    if not case_policy.may_answer_regie_offer(actor_for(actor), offer):
        raise ActionRefused(_("Alleen wie de regie aangeboden kreeg, kan het aanbod aannemen of afwijzen."))


@audited()
def regie_offer_accept(*, offer: RegieOffer, actor: User) -> Case:
    """The offered professional becomes the case's regisseur; the open follow-ups go with the regie."""
    case = _locked(offer.case)
    offer = RegieOffer.objects.select_for_update().select_related("offered_to_organisation").get(pk=offer.pk)
    _may_answer(offer, actor)
    # Hold the membership: one that is being ended at this moment cannot take the regie.
    if not hold_membership(actor, offer.offered_to_organisation_id, REFERRING_ROLES):
        raise ActionRefused(_("Alleen wie de regie aangeboden kreeg, kan het aanbod aannemen of afwijzen."))
    if case.status != Case.Status.OPEN:
        raise ActionRefused(_("De casus is intussen gesloten; de regie kan niet meer over."))
    previous, previous_organisation = case.regisseur, case.regisseur_organisation
    organisation = offer.offered_to_organisation
    role = actor_for(actor).acting_role(organisation.pk, "open_case")
    with audit_context(actor=actor, activity="case_management", organisation=organisation, role=role):
        _decide(offer, RegieOffer.Status.ACCEPTED)
        case.regisseur = actor
        case.regisseur_organisation = organisation
        case.save(update_fields=["regisseur", "regisseur_organisation"])
        for follow_up in FollowUp.objects.filter(case=case, owner=previous, done_on__isnull=True):
            follow_up.owner = actor
            follow_up.save(update_fields=["owner"])
        CaseEvent.objects.create(
            case=case,
            name=CaseEvent.Name.REGIE_ACCEPTED,
            actor=actor,
            actor_organisation=organisation,
            other=previous,
            other_organisation=previous_organisation,
        )
        notify(
            [previous, offer.offered_by],
            Notification.Kind.REGIE_ANSWERED,
            notice_text(
                gettext_noop("Casus %(ref)s: %(name)s (%(org)s) heeft de regie aangenomen en is nu regisseur."),
                {"ref": case.reference, "name": _name(actor), "org": organisation},
            ),
            case=case,
        )
    return case


@audited()
def regie_offer_decline(*, offer: RegieOffer, actor: User) -> RegieOffer:
    """The offered professional says no; the regisseur stays and is told."""
    case = _locked(offer.case)
    offer = RegieOffer.objects.select_for_update().get(pk=offer.pk)
    _may_answer(offer, actor)
    organisation = offer.offered_to_organisation
    role = actor_for(actor).acting_role(organisation.pk, "open_case")
    with audit_context(actor=actor, activity="case_management", organisation=organisation, role=role):
        _decide(offer, RegieOffer.Status.DECLINED)
        CaseEvent.objects.create(
            case=case, name=CaseEvent.Name.REGIE_DECLINED, actor=actor, actor_organisation=organisation
        )
        notify(
            [case.regisseur, offer.offered_by],
            Notification.Kind.REGIE_ANSWERED,
            notice_text(
                gettext_noop(
                    "Casus %(ref)s: %(name)s (%(org)s) heeft het aanbod van de regie afgewezen; u blijft regisseur."
                ),
                {"ref": case.reference, "name": _name(actor), "org": organisation},
            ),
            case=case,
        )
    return offer


def _decide(offer: RegieOffer, status: str) -> None:
    offer.status = status
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "decided_at"])
