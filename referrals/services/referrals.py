# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The referral's use cases: lock, check policy, transition, save, grant, audit — one transaction."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from copy import deepcopy
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_fsm import ConcurrentTransition

from accounts.selectors.actor import actor_for
from accounts.selectors.memberships import hold_membership
from audit.models import AuditReason, PrivacyFlag
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Category, Organisation, Service
from events.services.publish import referral_changed
from policies.cases import case_policy
from policies.data_categories import MINIMUM_FOR_REFERRAL, DataCategory
from policies.referrals import SENDER_ACTIONS, referral_policy
from policies.roles import RECEIVING_ROLES, Role
from referrals.models import (
    OWN_PART_OUTCOMES,
    Case,
    ContactAttempt,
    ContactWay,
    DeclineReason,
    EventName,
    FollowUp,
    LegalBasis,
    Notification,
    Outcome,
    Referral,
    ReferralEvent,
    State,
    StopReason,
    Urgency,
)
from referrals.models.notices import notice_text
from referrals.services import grants
from referrals.services.consent_check import require_legal_ground
from referrals.services.errors import ActionRefused
from referrals.services.notifications import notify, receiving_people

FOLLOW_UP_AFTER_ACCEPT = timedelta(days=14)
FOLLOW_UP_AFTER_CLOSE = timedelta(days=28)
# Niet bereikt: the referrer and the regisseur look for another way to reach the resident soon.
FOLLOW_UP_AFTER_UNREACHABLE = timedelta(days=3)
# Declined: the resident is not helped yet; the regisseur looks for another partner soon.
FOLLOW_UP_AFTER_DECLINE = timedelta(days=3)


def _locked(referral: Referral, *, with_parent: bool = False) -> Referral:
    """The referral, row-locked: a second person acting at the same moment waits here, then
    sees the new state and gets a clear refusal instead of a half-write.

    Lock order rule: a transaction that locks several referrals locks them in ascending id
    order (a forward's parent before the forward), in one statement where it can. Accepting a
    forward also changes its parent, so it takes both at once (`with_parent`): two transactions
    then never hold one of a pair and wait for the other. Only the referral rows are locked
    (`of`), not the case, organisations or service joined for reading, and without the key
    lock (`no_key`): rows of other transactions that refer to the referral do not wait.
    """
    ids = [referral.pk, referral.parent_id] if with_parent and referral.parent_id else [referral.pk]
    rows = (
        Referral.objects.select_for_update(of=("self",), no_key=True)
        # Everything a transition reads about the referral, in this one statement: the people
        # it notifies and the follow-up's owner too (each would be a round trip of its own).
        .select_related(
            "case",
            "case__resident",
            "case__regisseur",
            "service",
            "to_organisation__group",
            "from_organisation",
            "from_user",
            "assignee",
        )
        .filter(pk__in=ids)
        .order_by("pk")
    )
    for row in rows:
        if row.pk == referral.pk:
            _remember_loaded(row)
            return row
    raise Referral.DoesNotExist(f"referral {referral.pk} does not exist")


# The locked row's values as read, so that a transition's save writes (and django-auditlog
# compares) only the fields it changed rather than all forty.
_LOADED = "_overdracht_loaded"


def _remember_loaded(referral: Referral) -> None:
    values = {f.attname: getattr(referral, f.attname) for f in _SAVED_FIELDS}
    # Copies of JSON values, which a transition may change in place; the rest cannot change so.
    referral.__dict__[_LOADED] = {k: deepcopy(v) if isinstance(v, list | dict) else v for k, v in values.items()}


_SAVED_FIELDS = [f for f in Referral._meta.concrete_fields if not f.primary_key]


def _check(actor: AbstractBaseUser, action: str, referral: Referral) -> str:
    """Refuse with the policy's reason, or return the role in which the actor does it."""
    reason = referral_policy.refusal(actor_for(actor), action, referral)
    if reason:
        raise ActionRefused(reason)
    organisation = referral.from_organisation_id if action in SENDER_ACTIONS else referral.to_organisation_id
    return actor_for(actor).acting_role(organisation, action)


def _record(
    referral: Referral,
    name: str,
    from_state: str,
    actor: User | None,
    organisation: Organisation | None,
    **details: Any,
) -> None:
    ReferralEvent.objects.create(
        referral=referral,
        name=name,
        from_state=from_state,
        to_state=referral.state,
        actor=actor,
        actor_organisation=organisation,
        details=details,
    )
    # Every state change reaches the subscribed partner systems, in this same transaction.
    referral_changed(referral, from_state=from_state, action=name)


def _save_transition(referral: Referral) -> None:
    loaded = referral.__dict__.get(_LOADED)
    changed = (
        None  # not read through _locked (a forward made in this transaction): every field
        if loaded is None
        else [f.name for f in _SAVED_FIELDS if getattr(referral, f.attname) != loaded[f.attname]]
    )
    try:
        referral.save(update_fields=changed)
    except ConcurrentTransition as exc:
        raise ActionRefused(_("Iemand anders heeft deze verwijzing net gewijzigd. Laad de pagina opnieuw.")) from exc
    if loaded is not None:
        _remember_loaded(referral)


def _require_case_access(actor: AbstractBaseUser, case: Case) -> None:
    # Referring from an organisation is not enough: the actor must work on this
    # very case, or any referrer could send (and then read) someone else's case.
    if not case_policy.sees(actor_for(actor), case):
        raise ActionRefused(_("U werkt niet aan deze casus."))


def _validate_content(
    *, service: Service, categories: Collection[Category], shared_data: Iterable[str], summary: str
) -> list[str]:
    if not summary or not summary.strip():
        raise ActionRefused(_("Schrijf een korte samenvatting van de hulpvraag."), field="summary")
    if not categories:
        raise ActionRefused(_("Kies minstens één soort hulpvraag."), field="categories")
    unknown = set(shared_data) - set(DataCategory.values)
    if unknown:
        raise ActionRefused(_("Onbekende gegevenssoort: %s") % ", ".join(sorted(unknown)), field="shared_data")
    if not service.can_receive():
        raise ActionRefused(
            _("%(service)s neemt nu geen verwijzingen aan (dienst beëindigd, gesloten of geen convenant).")
            % {"service": service},
            field="service",
        )
    return sorted(set(shared_data) | {c.value for c in MINIMUM_FOR_REFERRAL})


@audited()
def referral_create(
    *,
    case: Case,
    actor: User,
    organisation: Organisation,
    service: Service,
    summary: str,
    categories: Collection[Category],
    urgency: str = Urgency.NORMAL,
    shared_data: Iterable[str] = (),
    legal_basis: str = LegalBasis.CONSENT,
    legal_basis_justification: str = "",
) -> Referral:
    """A draft referral from `organisation` (the actor's) to `service`, about `case`."""
    return _create(
        case=case,
        actor=actor,
        organisation=organisation,
        service=service,
        summary=summary,
        categories=categories,
        urgency=urgency,
        shared_data=shared_data,
        legal_basis=legal_basis,
        legal_basis_justification=legal_basis_justification,
    )


def _create(
    *,
    case: Case,
    actor: User,
    organisation: Organisation,
    service: Service,
    summary: str,
    categories: Collection[Category],
    urgency: str,
    shared_data: Iterable[str],
    legal_basis: str,
    legal_basis_justification: str,
) -> Referral:
    role = actor_for(actor).acting_role(organisation.pk, "send")
    if not role:
        raise ActionRefused(_("Alleen een verwijzer van %(org)s kan verwijzen.") % {"org": organisation})
    _require_case_access(actor, case)
    if service.organisation_id == organisation.pk:
        raise ActionRefused(_("Verwijs naar een andere organisatie dan uw eigen."), field="service")
    shared = _validate_content(service=service, categories=categories, shared_data=shared_data, summary=summary)
    with audit_context(actor=actor, activity="referral", organisation=organisation, role=role):
        referral = Referral(
            case=case,
            from_organisation=organisation,
            from_user=actor,
            service=service,
            to_organisation=service.organisation,
            urgency=urgency,
            shared_data=shared,
            legal_basis=legal_basis,
        )
        referral.summary = summary.strip()
        referral.legal_basis_justification = legal_basis_justification.strip()
        referral.save()
        referral.categories.add(*categories)  # a new referral has none to replace
        _record(referral, EventName.CREATE, "", actor, organisation)
    return referral


def _send_locked(referral: Referral, actor: User, organisation: Organisation, role: str) -> None:
    from_state = referral.state
    consent = require_legal_ground(referral)
    with audit_context(
        actor=actor,
        activity="referral",
        organisation=organisation,
        role=role,
        reason=referral.get_legal_basis_display(),
    ):
        referral.consent = consent
        referral.send()
        _save_transition(referral)
        grants.grant_receiving_organisation(referral)
        _record(
            referral,
            EventName.SEND,
            from_state,
            actor,
            organisation,
            legal_basis=referral.legal_basis,
            urgency=referral.urgency,
        )
        if referral.legal_basis != LegalBasis.CONSENT:
            # Sharing without consent is lawful only with a reason; the privacy
            # officer reviews every one of them.
            PrivacyFlag.objects.create(
                kind=PrivacyFlag.Kind.LEGAL_BASIS,
                pseudonym=referral.audit_pseudonym(),
                referral=referral,
                actor=actor,
                organisation=organisation,
                details={"legal_basis": referral.legal_basis},
            )
    notify(
        receiving_people(referral.to_organisation),
        Notification.Kind.NEW_REFERRAL,
        notice_text(
            gettext_noop("Nieuwe verwijzing %(ref)s voor %(service)s."),
            {"ref": referral, "service": referral.service.name},
        ),
        referral=referral,
    )


@audited()
def referral_send(*, referral: Referral, actor: User) -> Referral:
    return _send(referral, actor)


def _send(referral: Referral, actor: User) -> Referral:
    referral = _locked(referral)
    role = _check(actor, "send", referral)
    _require_case_access(actor, referral.case)
    _send_locked(referral, actor, referral.from_organisation, role)
    return referral


@audited()
def referral_create_and_send(
    *,
    case: Case,
    actor: User,
    organisation: Organisation,
    service: Service,
    summary: str,
    categories: Collection[Category],
    urgency: str = Urgency.NORMAL,
    shared_data: Iterable[str] = (),
    legal_basis: str = LegalBasis.CONSENT,
    legal_basis_justification: str = "",
) -> Referral:
    """The referrer's one step: create and send together, so a refused send leaves no stray draft."""
    referral = _create(
        case=case,
        actor=actor,
        organisation=organisation,
        service=service,
        summary=summary,
        categories=categories,
        urgency=urgency,
        shared_data=shared_data,
        legal_basis=legal_basis,
        legal_basis_justification=legal_basis_justification,
    )
    return _send(referral, actor)


@audited()
def referral_withdraw(*, referral: Referral, actor: User) -> Referral:
    referral = _locked(referral)
    role = _check(actor, "withdraw", referral)
    org, from_state = referral.from_organisation, referral.state
    with audit_context(actor=actor, activity="referral", organisation=org, role=role):
        referral.withdraw()
        _save_transition(referral)
        grants.revoke_all(referral)
        _record(referral, EventName.WITHDRAW, from_state, actor, org)
    notify(
        [*receiving_people(referral.to_organisation), referral.assignee],
        Notification.Kind.WITHDRAWN,
        notice_text(gettext_noop("Verwijzing %(ref)s is ingetrokken door de verwijzer."), {"ref": referral}),
        referral=referral,
    )
    return referral


@audited()
def referral_accept(*, referral: Referral, actor: User, assignee: User | None = None) -> Referral:
    referral = _locked(referral, with_parent=True)
    role = _check(actor, "accept", referral)
    assignee = assignee or actor
    org, from_state = referral.to_organisation, referral.state
    if assignee != actor and Role.COORDINATOR not in actor_for(actor).roles_in(org.pk):
        raise ActionRefused(_("Alleen de coördinator kan aannemen voor een collega."), field="assignee")
    if not hold_membership(assignee, org.pk, RECEIVING_ROLES):
        raise ActionRefused(_("%(user)s werkt niet bij %(org)s.") % {"user": assignee, "org": org}, field="assignee")
    with audit_context(actor=actor, activity="referral", organisation=org, role=role):
        _accept_locked(referral, actor, assignee, org, from_state)
    return referral


def _accept_locked(referral: Referral, actor: User, assignee: User, org: Organisation, from_state: str) -> None:
    # Content is disclosed at accept: the consent (or other basis) must still
    # hold now, not only when the referral was sent.
    referral.consent = require_legal_ground(referral)
    referral.accept(assignee=assignee)
    _save_transition(referral)
    grants.grant_assignee(referral, assignee)
    _record(referral, EventName.ACCEPT, from_state, actor, org, assignee=assignee.pk)
    FollowUp.objects.create(
        case=referral.case,
        referral=referral,
        owner=referral.case.regisseur,
        due_on=timezone.localdate() + FOLLOW_UP_AFTER_ACCEPT,
    )
    if referral.parent_id and not referral.in_addition:
        _hand_over_parent(referral, actor, org)
    notify(
        [referral.from_user, referral.case.regisseur],
        Notification.Kind.ACCEPTED,
        notice_text(gettext_noop("%(org)s heeft verwijzing %(ref)s aangenomen."), {"org": org, "ref": referral}),
        referral=referral,
    )


def _parent(child: Referral) -> Referral:
    """The referral `child` was forwarded from; only asked of a child (its parent_id is set)."""
    parent = child.parent
    if parent is None:
        raise ValueError(f"referral {child.pk} was not forwarded from another referral")
    return parent


def _hand_over_parent(child: Referral, actor: User, organisation: Organisation) -> None:
    """Warm invariant: the forwarding partner lets go only now the next one accepted."""
    parent = _locked(_parent(child))
    if parent.state != State.IN_PROGRESS:
        return
    with audit_context(actor=actor, activity="referral", organisation=organisation, reason=AuditReason.WARM_HANDOVER):
        parent.hand_over()
        _save_transition(parent)
        # The grants stay: the forwarding partner keeps reading its own part (policies.referrals,
        # HISTORY_FIELDS), never the resident's data again.
        _record(parent, EventName.HAND_OVER, State.IN_PROGRESS, actor, organisation, child=child.pk)
    notify(
        [parent.assignee],
        Notification.Kind.HANDED_OVER,
        notice_text(
            gettext_noop("Uw doorverwijzing %(ref)s is aangenomen door %(org)s; de overdracht is rond."),
            {"ref": child, "org": organisation},
        ),
        referral=parent,
    )


@audited()
def referral_decline(*, referral: Referral, actor: User, reason: str, note: str) -> Referral:
    if reason not in DeclineReason.values:
        raise ActionRefused(_("Kies een reden om af te wijzen."), field="reason")
    if not note or not note.strip():
        raise ActionRefused(_("Licht de afwijzing kort toe, zodat de verwijzer weet wat nu te doen."), field="note")
    referral = _locked(referral)
    role = _check(actor, "decline", referral)
    org, from_state = referral.to_organisation, referral.state
    with audit_context(
        actor=actor, activity="referral", organisation=org, role=role, reason=str(DeclineReason(reason).label)
    ):
        referral.decline(reason=reason, note=note.strip())
        _save_transition(referral)
        grants.revoke_all(referral)
        _record(referral, EventName.DECLINE, from_state, actor, org, reason=reason)
        FollowUp.objects.create(
            case=referral.case,
            referral=referral,
            owner=referral.case.regisseur,
            kind=FollowUp.Kind.DECLINED,
            due_on=timezone.localdate() + FOLLOW_UP_AFTER_DECLINE,
        )
    notify(
        [referral.from_user, referral.case.regisseur],
        Notification.Kind.DECLINED,
        notice_text(
            gettext_noop("%(org)s heeft verwijzing %(ref)s afgewezen: %(reason)s."),
            {"org": org, "ref": referral, "reason": DeclineReason(referral.decline_reason).label},
        ),
        referral=referral,
    )
    if referral.parent_id:
        # The forwarding partner stays responsible (a hand-over) or referred it alongside its own
        # help (in addition): either way it must know, so it can look for another partner.
        parent = _parent(referral)
        message = (
            gettext_noop(
                "De verwijzing erbij %(ref)s is afgewezen; zoek zo nodig samen met de regisseur een andere partner."
            )
            if referral.in_addition
            else gettext_noop(
                "De doorverwijzing %(ref)s is afgewezen; verwijzing %(parent)s blijft bij u in behandeling."
            )
        )
        notify(
            [parent.assignee or parent.from_user],
            Notification.Kind.FORWARD_DECLINED,
            notice_text(message, {"ref": referral, "parent": parent}),
            referral=parent,
        )
    return referral


@audited()
def referral_assign(*, referral: Referral, actor: User, assignee: User) -> Referral:
    referral = _locked(referral, with_parent=True)  # assigning a sent forward accepts it
    _check(actor, "assign", referral)
    org = referral.to_organisation
    if not hold_membership(assignee, org.pk, RECEIVING_ROLES):
        raise ActionRefused(_("%(user)s werkt niet bij %(org)s.") % {"user": assignee, "org": org}, field="assignee")
    with audit_context(actor=actor, activity="referral", organisation=org, role=Role.COORDINATOR):
        previous = referral.assignee
        if referral.state == State.SENT:
            # Assigning a new referral is accepting it on a colleague's behalf.
            _accept_locked(referral, actor, assignee, org, State.SENT)
        else:
            grants.revoke_assignee(referral, previous)
            referral.assignee = assignee
            referral.save(update_fields=["assignee"])
            grants.grant_assignee(referral, assignee)
        _record(referral, EventName.ASSIGN, referral.state, actor, org, assignee=assignee.pk)
    notify(
        [assignee],
        Notification.Kind.ASSIGNED,
        notice_text(gettext_noop("Verwijzing %(ref)s is aan u toegewezen."), {"ref": referral}),
        referral=referral,
    )
    return referral


def _check_contact_date(referral: Referral, on: date | None, what: str) -> date:
    if on is None or on > timezone.localdate():
        raise ActionRefused(_("De datum van %(what)s kan niet in de toekomst liggen.") % {"what": what}, field="on")
    if referral.sent_at and on < timezone.localtime(referral.sent_at).date():
        raise ActionRefused(
            _("De datum van %(what)s kan niet vóór het versturen van de verwijzing liggen.") % {"what": what},
            field="on",
        )
    return on


@audited()
def referral_record_first_contact(
    *, referral: Referral, actor: User, on: date | None, way: str, note: str = ""
) -> Referral:
    if way not in ContactWay.values:
        raise ActionRefused(_("Kies hoe het eerste contact was."), field="way")
    if on is None or on > timezone.localdate():
        raise ActionRefused(_("De datum van het eerste contact kan niet in de toekomst liggen."), field="on")
    referral = _locked(referral)
    role = _check(actor, "record_first_contact", referral)
    if referral.accepted_at and on < timezone.localtime(referral.sent_at).date():
        raise ActionRefused(_("Het eerste contact kan niet vóór het versturen van de verwijzing liggen."), field="on")
    org, from_state = referral.to_organisation, referral.state
    with audit_context(actor=actor, activity="referral", organisation=org, role=role):
        referral.record_first_contact(on=on, way=way, note=(note or "").strip())
        _save_transition(referral)
        _record(referral, EventName.RECORD_FIRST_CONTACT, from_state, actor, org, way=way, on=on.isoformat())
    notify(
        [referral.from_user, referral.case.regisseur],
        Notification.Kind.FIRST_CONTACT,
        notice_text(
            gettext_noop("%(org)s heeft contact gehad over verwijzing %(ref)s."), {"org": org, "ref": referral}
        ),
        referral=referral,
    )
    return referral


@audited()
def referral_forward(
    *,
    referral: Referral,
    actor: User,
    service: Service,
    summary: str,
    categories: Collection[Category],
    urgency: str = Urgency.NORMAL,
    shared_data: Iterable[str] = (),
    legal_basis: str = LegalBasis.CONSENT,
    legal_basis_justification: str = "",
) -> Referral:
    """Doorverwijzen: warmly hand over to the next partner, a child referral sent now.

    The parent stays in progress (and its owner responsible) until the next
    partner accepts the child; only then does it become handed_over.
    """
    return _refer_on(
        referral,
        actor,
        in_addition=False,
        service=service,
        summary=summary,
        categories=categories,
        urgency=urgency,
        shared_data=shared_data,
        legal_basis=legal_basis,
        legal_basis_justification=legal_basis_justification,
    )


@audited()
def referral_refer_in_addition(
    *,
    referral: Referral,
    actor: User,
    service: Service,
    summary: str,
    categories: Collection[Category],
    urgency: str = Urgency.NORMAL,
    shared_data: Iterable[str] = (),
    legal_basis: str = LegalBasis.CONSENT,
    legal_basis_justification: str = "",
) -> Referral:
    """Erbij verwijzen: a second partner helps alongside; this referral stays in progress.

    The sibling is linked to the same case (and to this referral as where it came from), so
    the regisseur sees both partners at work in the plan; each ends with its own outcome.
    """
    return _refer_on(
        referral,
        actor,
        in_addition=True,
        service=service,
        summary=summary,
        categories=categories,
        urgency=urgency,
        shared_data=shared_data,
        legal_basis=legal_basis,
        legal_basis_justification=legal_basis_justification,
    )


def _refer_on(
    referral: Referral,
    actor: User,
    *,
    in_addition: bool,
    service: Service,
    summary: str,
    categories: Collection[Category],
    urgency: str,
    shared_data: Iterable[str],
    legal_basis: str,
    legal_basis_justification: str,
) -> Referral:
    parent = _locked(referral)
    role = _check(actor, "refer_in_addition" if in_addition else "forward", parent)
    org = parent.to_organisation
    if service.organisation_id == org.pk:
        raise ActionRefused(_("Verwijs door naar een andere organisatie dan uw eigen."), field="service")
    if parent.children.filter(service=service, state__in=[State.SENT, State.ACCEPTED, State.IN_PROGRESS]).exists():
        raise ActionRefused(
            _("Er loopt al een verwijzing van u naar %(service)s voor deze inwoner.") % {"service": service.name},
            field="service",
        )
    shared = _validate_content(service=service, categories=categories, shared_data=shared_data, summary=summary)
    with audit_context(actor=actor, activity="referral", organisation=org, role=role):
        child = Referral(
            case=parent.case,
            from_organisation=org,
            from_user=actor,
            service=service,
            to_organisation=service.organisation,
            parent=parent,
            in_addition=in_addition,
            urgency=urgency,
            shared_data=shared,
            legal_basis=legal_basis,
        )
        child.summary = summary.strip()
        child.legal_basis_justification = legal_basis_justification.strip()
        child.save()
        child.categories.set(categories)
        _record(child, EventName.CREATE, "", actor, org, parent=parent.pk)
        _send_locked(child, actor, org, role)
        event = EventName.REFER_IN_ADDITION if in_addition else EventName.FORWARD
        _record(parent, event, parent.state, actor, org, child=child.pk)
    if in_addition:
        # The regisseur keeps the plan: a second partner joining is news for them.
        notify(
            [parent.case.regisseur],
            Notification.Kind.IN_ADDITION,
            notice_text(
                gettext_noop("%(org)s heeft %(service)s erbij gevraagd voor casus %(case)s (verwijzing %(ref)s)."),
                {"org": org, "service": service.name, "case": parent.case, "ref": child},
            ),
            referral=child,
        )
    return child


@audited()
def referral_record_attempt(
    *, referral: Referral, actor: User, on: date | None, way: str, note: str = ""
) -> ContactAttempt:
    """One try to reach the resident after accepting (the basis for closing as 'niet bereikt')."""
    if way not in ContactWay.values:
        raise ActionRefused(_("Kies hoe u contact probeerde te krijgen."), field="way")
    referral = _locked(referral)
    role = _check(actor, "record_attempt", referral)
    on = _check_contact_date(referral, on, _("de contactpoging"))
    org = referral.to_organisation
    with audit_context(actor=actor, activity="referral", organisation=org, role=role):
        attempt = ContactAttempt(referral=referral, on=on, way=way, actor=actor)
        attempt.note = (note or "").strip()
        attempt.save()
        number = referral.contact_attempts.count()
        _record(referral, EventName.CONTACT_ATTEMPT, referral.state, actor, org, way=way, number=number)
    return attempt


@audited()
def referral_close_unreachable(*, referral: Referral, actor: User) -> Referral:
    """Niet bereikt after the agreed attempts: the referrer and the regisseur are told and get a
    follow-up, so the resident is not lost between two organisations."""
    referral = _locked(referral)
    role = _check(actor, "close_unreachable", referral)
    org, from_state = referral.to_organisation, referral.state
    with audit_context(
        actor=actor, activity="referral", organisation=org, role=role, reason=str(Outcome.NOT_REACHABLE.label)
    ):
        referral.close_unreachable()
        _save_transition(referral)
        _record(
            referral, EventName.CLOSE_UNREACHABLE, from_state, actor, org, attempts=referral.contact_attempts.count()
        )
        due = timezone.localdate() + FOLLOW_UP_AFTER_UNREACHABLE
        for owner in {referral.case.regisseur, referral.from_user}:
            FollowUp.objects.create(
                case=referral.case, referral=referral, owner=owner, kind=FollowUp.Kind.UNREACHED, due_on=due
            )
    notify(
        [referral.from_user, referral.case.regisseur],
        Notification.Kind.NOT_REACHED,
        notice_text(
            gettext_noop(
                "%(org)s heeft de inwoner van verwijzing %(ref)s niet bereikt na %(n)s pogingen. Zoek samen een andere weg."
            ),
            {"org": org, "ref": referral, "n": referral.contact_attempts.count()},
        ),
        referral=referral,
    )
    return referral


@audited()
def referral_record_outcome(*, referral: Referral, actor: User, outcome: str, note: str) -> Referral:
    """After a hand-over, the forwarding partner closes its own part with what its work achieved."""
    if outcome not in OWN_PART_OUTCOMES:
        raise ActionRefused(_("Kies de uitkomst van uw eigen deel."), field="outcome")
    referral = _locked(referral)
    role = _check(actor, "record_outcome", referral)
    org, from_state = referral.to_organisation, referral.state
    with audit_context(
        actor=actor, activity="referral", organisation=org, role=role, reason=str(Outcome(outcome).label)
    ):
        referral.record_outcome(outcome=outcome, note=(note or "").strip())
        _save_transition(referral)
        _record(referral, EventName.RECORD_OUTCOME, from_state, actor, org, outcome=outcome)
    return referral


@audited()
def referral_close(*, referral: Referral, actor: User, outcome: str, note: str) -> Referral:
    if outcome not in Outcome.values or outcome == Outcome.HANDED_OVER:
        raise ActionRefused(_("Kies een uitkomst. Overdragen gaat via ‘doorverwijzen’."), field="outcome")
    referral = _locked(referral)
    role = _check(actor, "close", referral)
    org, from_state = referral.to_organisation, referral.state
    with audit_context(
        actor=actor, activity="referral", organisation=org, role=role, reason=str(Outcome(outcome).label)
    ):
        referral.close(outcome=outcome, note=(note or "").strip())
        _save_transition(referral)
        # Access stays for the reopen window (30 days), so the partner can
        # reopen; `manage.py expire_access` revokes it after that.
        _record(referral, EventName.CLOSE, from_state, actor, org, outcome=outcome)
        FollowUp.objects.create(
            case=referral.case,
            referral=referral,
            owner=referral.case.regisseur,
            due_on=timezone.localdate() + FOLLOW_UP_AFTER_CLOSE,
        )
    notify(
        [referral.from_user, referral.case.regisseur],
        Notification.Kind.CLOSED,
        notice_text(
            gettext_noop("%(org)s heeft verwijzing %(ref)s afgesloten: %(outcome)s."),
            {"org": org, "ref": referral, "outcome": Outcome(referral.outcome).label},
        ),
        referral=referral,
    )
    return referral


@audited()
def referral_reopen(*, referral: Referral, actor: User) -> Referral:
    referral = _locked(referral)
    role = _check(actor, "reopen", referral)
    org, from_state = referral.to_organisation, referral.state
    with audit_context(actor=actor, activity="referral", organisation=org, role=role):
        referral.consent = require_legal_ground(referral)
        referral.reopen()
        _save_transition(referral)
        _record(referral, EventName.REOPEN, from_state, actor, org)
    return referral


@audited()
def referral_stop(
    *, referral: Referral, actor: User | None = None, reason: str = StopReason.PRIVACY_OFFICER
) -> Referral:
    """Stop an open referral. `actor=None` is the service itself (consent withdrawn, erasure)."""
    return stop_within(referral, actor=actor, reason=reason)


def stop_within(referral: Referral, *, actor: User | None = None, reason: str) -> Referral:
    """`referral_stop` as a step of another service's transaction (consent withdrawn, erasure)."""
    referral = _locked(referral)
    if actor is not None:
        _check(actor, "stop", referral)
    elif not referral.is_open:
        return referral
    from_state = referral.state
    with audit_context(
        actor=actor,
        activity="referral",
        reason=str(StopReason(reason).label),
        role=Role.PRIVACY_OFFICER if actor is not None else "",
    ):
        referral.stop(reason=reason)
        _save_transition(referral)
        grants.revoke_all(referral)
        _record(referral, EventName.STOP, from_state, actor, None, reason=reason)
    notify(
        [*receiving_people(referral.to_organisation), referral.assignee, referral.from_user],
        Notification.Kind.STOPPED,
        notice_text(
            gettext_noop("Verwijzing %(ref)s is gestopt: %(reason)s. U heeft er geen toegang meer toe."),
            {"ref": referral, "reason": StopReason(referral.stop_reason).label},
        ),
        referral=referral,
    )
    return referral
