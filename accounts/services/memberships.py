# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A membership's life: granted (confirmed by a second person where it opens residents' data), ended.

Ending one hands its open work back to the organisation: the person's grants on the
organisation's referrals go, their open referrals go back to the organisation's queue
(unassigned, the coordinators are told) and their cases there need a new regisseur (the
coordinators are told). Every step is written to the audit trail in the one transaction.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Membership
from accounts.selectors.actor import actor_for, forget_actor
from accounts.selectors.memberships import administrators, is_administrator
from audit.models import AuditReason, PrivacyFlag
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Organisation
from policies.memberships import confirmation_refusal, needs_confirmation
from policies.roles import RECEIVING_ROLES, REFERRING_ROLES, Role
from policies.signals import signaller_valid_until
from referrals.models import (
    Case,
    EventName,
    Notification,
    Referral,
    ReferralEvent,
    ReferralUserObjectPermission,
    State,
)
from referrals.models.notices import notice_text
from referrals.services.errors import ActionRefused
from referrals.services.notifications import notify, receiving_people

# The referrals that someone works on as their handler (assignee) until they close them.
ASSIGNED_STATES = (State.ACCEPTED, State.IN_PROGRESS)


@audited()
def membership_grant(
    *,
    user: User,
    organisation: Organisation,
    role: str,
    by: User,
    valid_until: date | None = None,
) -> Membership:
    """A new membership; in a role that sees residents' data it waits for a second person."""
    refused = membership_grant_refusal(user=user, organisation=organisation, role=role, by=by)
    if refused:
        raise refused
    if role == Role.SIGNALLER and valid_until is None:
        # A signaller's access runs out by itself (policies.signals), also when made in the admin.
        valid_until = signaller_valid_until(timezone.localdate(), settings.SIGNALLER_MEMBERSHIP_MONTHS)
    now = timezone.now()
    pending = needs_confirmation(role)
    with audit_context(
        activity="administration", organisation=organisation, reason=AuditReason.MEMBERSHIP_GRANTED, actor=by
    ):
        membership = Membership.objects.create(
            user=user,
            organisation=organisation,
            role=role,
            valid_until=valid_until,
            created_by=by,
            created_at=now,
            # A role without a way to residents' data needs no second person.
            confirmed_at=None if pending else now,
            confirmed_by=None if pending else by,
        )
        if pending:
            PrivacyFlag.objects.create(
                kind=PrivacyFlag.Kind.MEMBERSHIP,
                actor=by,
                organisation=organisation,
                details={"key": f"membership:{membership.pk}", "membership": membership.pk, "role": role},
            )
            notify(
                _confirmers(membership),
                Notification.Kind.MEMBERSHIP_TO_CONFIRM,
                notice_text(
                    gettext_noop(
                        "Een nieuw lidmaatschap bij %(org)s (%(role)s) wacht op uw bevestiging. "
                        "Het telt pas als een tweede persoon het bevestigt."
                    ),
                    {"org": organisation, "role": Role(membership.role).label},
                ),
            )
    forget_actor(user)
    return membership


def membership_grant_refusal(*, user: User, organisation: Organisation, role: str, by: User) -> ActionRefused | None:
    """Why `by` may not give `user` this membership (also for the admin's form), or None."""
    if not is_administrator(by):
        return ActionRefused(_("Alleen een functioneel beheerder maakt lidmaatschappen aan."))
    if role not in Role.values:
        return ActionRefused(_("Kies een rol."), field="role")
    if user.pk == by.pk and not by.is_superuser:
        return ActionRefused(_("U kunt uzelf geen rol geven; vraag een andere beheerder."), field="user")
    if Membership.objects.filter(user=user, organisation=organisation, role=role, ended_at=None).exists():
        return ActionRefused(_("Deze persoon heeft deze rol bij deze organisatie al."), field="role")
    return None


def _confirmers(membership: Membership) -> list[User]:
    """Who can confirm: the organisation's coordinators, else the other administrators."""
    involved = {membership.user_id, membership.created_by_id}
    coordinators = [u for u in receiving_people(membership.organisation, {Role.COORDINATOR}) if u.pk not in involved]
    return coordinators or administrators(besides=[membership.user, membership.created_by])


@audited()
def membership_confirm(*, membership: Membership, by: User) -> Membership:
    """The second person confirms: from now on the membership counts."""
    membership = Membership.objects.select_for_update().select_related("user", "organisation").get(pk=membership.pk)
    reason = confirmation_refusal(actor_for(by), membership, is_administrator=is_administrator(by))
    if reason:
        raise ActionRefused(reason)
    role = Role.COORDINATOR if Role.COORDINATOR in actor_for(by).roles_in(membership.organisation_id) else ""
    with audit_context(
        activity="administration",
        organisation=membership.organisation,
        role=role,
        reason=AuditReason.MEMBERSHIP_CONFIRMED,
        actor=by,
    ):
        membership.confirmed_at = timezone.now()
        membership.confirmed_by = by
        membership.save(update_fields=["confirmed_at", "confirmed_by"])
    forget_actor(membership.user)
    return membership


@audited()
def membership_end(membership: Membership, *, by: User | None, on: date | None = None) -> Membership:
    """End `membership` on `on` (today; its last day is the day before) and hand its work back.

    `by` is the administrator who ends it, or None when its end date passed (end_memberships).
    Ending it twice changes nothing.
    """
    today = timezone.localdate()
    on = on or today
    if on > today:
        raise ActionRefused(_("Beëindigen kan per vandaag of eerder; vul voor later een einddatum in."))
    if by is not None and not is_administrator(by):
        raise ActionRefused(_("Alleen een functioneel beheerder beëindigt lidmaatschappen."))
    # Row lock: a handler being assigned a referral at this moment holds the same row (see
    # accounts.selectors.memberships.hold_membership), so the assignment is either handed
    # back here or refused there — never left with a leaver.
    membership = Membership.objects.select_for_update().select_related("user", "organisation").get(pk=membership.pk)
    if membership.ended_at is not None:
        return membership
    reason = AuditReason.MEMBERSHIP_ENDED if by is not None else AuditReason.MEMBERSHIP_LAPSED
    with audit_context(activity="administration", organisation=membership.organisation, reason=reason, actor=by):
        last_day = on - timedelta(days=1)
        if membership.valid_until is None or membership.valid_until > last_day:
            membership.valid_until = last_day
        membership.ended_at = timezone.now()
        membership.ended_by = by
        membership.save(update_fields=["valid_until", "ended_at", "ended_by"])
    _hand_back(membership, by=by, reason=reason)
    forget_actor(membership.user)
    return membership


def membership_set_end_date(*, membership: Membership, by: User, valid_until: date | None) -> Membership:
    """The administrator sets the last day: a day that has passed ends it now, a later one is a plan."""
    if valid_until is not None and valid_until < timezone.localdate():
        return membership_end(membership, by=by, on=valid_until + timedelta(days=1))
    return _plan_end(membership, by=by, valid_until=valid_until)


@audited()
def _plan_end(membership: Membership, *, by: User, valid_until: date | None) -> Membership:
    if not is_administrator(by):
        raise ActionRefused(_("Alleen een functioneel beheerder wijzigt lidmaatschappen."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not membership.is_active_on(timezone.localdate()) and not membership.is_pending:
        # Extending a membership that ran out would give access again without a second person.
        raise ActionRefused(_("Dit lidmaatschap is afgelopen; maak zo nodig een nieuw aan."))
    with audit_context(activity="administration", organisation=membership.organisation, actor=by):
        membership.valid_until = valid_until
        membership.save(update_fields=["valid_until"])
    forget_actor(membership.user)
    return membership


def memberships_end_lapsed(*, today: date | None = None) -> int:
    """Hand back the work of memberships whose end date passed (or whose user was deactivated).

    Each in its own transaction, like every service; safe daily, safe twice. Returns how many ended.
    """
    day = today or timezone.localdate()
    ended = 0
    for pk, valid_until in Membership.objects.lapsed(day).values_list("pk", "valid_until"):
        # The day after its last day, or today for a deactivated user.
        on = valid_until + timedelta(days=1) if valid_until is not None and valid_until < day else day
        membership_end(Membership(pk=pk), by=None, on=on)
        ended += 1
    return ended


def memberships_end_for_user(user: User, *, by: User) -> int:
    """A deactivated user's memberships all end (each handing its work back)."""
    pks = list(Membership.objects.filter(user=user, ended_at=None).values_list("pk", flat=True))
    for pk in pks:
        membership_end(Membership(pk=pk), by=by)
    return len(pks)


def _hand_back(membership: Membership, *, by: User | None, reason: str) -> None:
    """What the person can no longer do at the organisation goes back to it."""
    user, organisation = membership.user, membership.organisation
    remaining: set[str] = set()
    if user.is_active:
        remaining = set(
            Membership.objects.active().filter(user=user, organisation=organisation).values_list("role", flat=True)
        )
    if not remaining & RECEIVING_ROLES:
        _return_referrals(user, organisation, by=by, reason=reason)
    if not remaining & REFERRING_ROLES:
        _ask_for_regisseur(user, organisation, by=by, reason=reason)
    if not remaining:
        # The organisation's group carries its receiving grants (django-guardian).
        user.groups.remove(organisation.group)


def _return_referrals(user: User, organisation: Organisation, *, by: User | None, reason: str) -> None:
    referrals = list(
        Referral.objects.select_for_update()
        .filter(to_organisation=organisation, assignee=user, state__in=ASSIGNED_STATES)
        .order_by("pk")
    )
    grants = ReferralUserObjectPermission.objects.filter(user=user, content_object__to_organisation=organisation)
    coordinators = _told_for(organisation, user, RECEIVING_ROLES)
    with audit_context(activity="referral", organisation=organisation, reason=reason, actor=by):
        for referral in referrals:
            referral.assignee = None
            referral.save(update_fields=["assignee"])
            # No actor on the timeline: the organisation did not act, the person left.
            ReferralEvent.objects.create(
                referral=referral,
                name=EventName.RETURNED,
                from_state=referral.state,
                to_state=referral.state,
                details={"reason": "membership_ended"},
            )
            notify(
                coordinators,
                Notification.Kind.RETURNED,
                notice_text(
                    gettext_noop(
                        "Verwijzing %(ref)s is terug bij %(org)s: de behandelaar werkt er niet meer. "
                        "Wijs de verwijzing opnieuw toe."
                    ),
                    {"ref": referral, "org": organisation},
                ),
                referral=referral,
            )
        # One by one, so the audit trail records each revocation (also of closed referrals,
        # which the handler could otherwise reopen within the reopen window).
        for grant in grants:
            grant.delete()


def _ask_for_regisseur(user: User, organisation: Organisation, *, by: User | None, reason: str) -> None:
    cases = list(
        Case.objects.filter(regisseur=user, regisseur_organisation=organisation, status=Case.Status.OPEN)
        .select_related("resident")
        .order_by("pk")
    )
    if not cases:
        return
    told = _told_for(organisation, user, REFERRING_ROLES)
    with audit_context(activity="case_management", organisation=organisation, reason=reason, actor=by):
        for case in cases:
            notify(
                told,
                Notification.Kind.REGISSEUR_NEEDED,
                notice_text(
                    gettext_noop(
                        "Casus %(ref)s heeft een nieuwe regisseur nodig: de regisseur werkt niet meer bij %(org)s. "
                        "Een verwijzer van %(org)s kan de regie overnemen op de pagina van de casus."
                    ),
                    {"ref": case.reference, "org": organisation},
                ),
                case=case,
            )


def _told_for(organisation: Organisation, leaver: User, fallback_roles: set[str]) -> list[User]:
    """The organisation's coordinators; where it has none, the colleagues who can take the work on."""
    for roles in ({Role.COORDINATOR}, fallback_roles):
        people = [u for u in receiving_people(organisation, roles) if u.pk != leaver.pk]
        if people:
            return people
    return []
