# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Opening a case for a resident, and keeping its plan."""

from __future__ import annotations

from collections.abc import Collection

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors.actor import actor_for
from accounts.selectors.memberships import hold_membership, works_at
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Category, Organisation, Wijk
from policies.cases import case_policy
from policies.programme import KOMPAS_GOAL_CODES, TARGET_GROUP_CODES
from policies.roles import REFERRING_ROLES
from referrals.models import Case, CaseEvent, FollowUp, PlanGoal, Resident
from referrals.models.matching import match_hash
from referrals.services.errors import ActionRefused


def possible_existing_case(*, family_name: str, birth_year: int | None) -> Case | None:
    """An open case of a resident with the same hashed name + birth year, or None.

    Compares keyed hashes only: nothing is decrypted, and the caller learns
    no more than "a case may exist, here is its regisseur".
    """
    digest = match_hash(family_name, birth_year)
    if not digest:
        return None
    return (
        Case.objects.filter(resident__match_hash=digest, status=Case.Status.OPEN, resident__erased_at__isnull=True)
        .select_related("regisseur", "regisseur_organisation")
        .first()
    )


@audited()
def case_open(
    *,
    actor: User,
    organisation: Organisation,
    given_name: str,
    family_name: str,
    birth_year: int | None,
    phone: str = "",
    email: str = "",
    preferred_language: str = "nl",
    needs_interpreter: bool = False,
    wijk: Wijk | None = None,
    categories: Collection[Category] = (),
    regisseur: User | None = None,
    target_groups: Collection[str] = (),
    kompas_goals: Collection[str] = (),
) -> Case:
    if not case_policy.may_open_case(actor_for(actor), organisation.pk):
        raise ActionRefused(_("Alleen een verwijzer van %(org)s kan een casus openen.") % {"org": organisation})
    if not family_name.strip() and not given_name.strip():
        raise ActionRefused(_("Vul minstens de voornaam (of initialen) of de achternaam in."), field="family_name")
    if not phone.strip() and not email.strip():
        raise ActionRefused(
            _("Vul een telefoonnummer of e-mailadres in, zodat de partner contact kan opnemen."), field="phone"
        )
    if not categories:
        raise ActionRefused(_("Kies minstens één soort hulpvraag."), field="categories")
    if set(target_groups) - TARGET_GROUP_CODES or set(kompas_goals) - KOMPAS_GOAL_CODES:
        raise ActionRefused(_("Kies een doelgroep en een doel uit de lijst."), field="target_groups")
    regisseur = regisseur or actor
    role = actor_for(actor).acting_role(organisation.pk, "open_case")
    with audit_context(actor=actor, activity="case_management", organisation=organisation, role=role):
        resident = Resident(needs_interpreter=needs_interpreter, wijk=wijk)
        resident.given_name = given_name.strip()
        resident.family_name = family_name.strip()
        resident.birth_year = birth_year
        resident.phone = phone.strip()
        resident.email = email.strip()
        resident.preferred_language = preferred_language
        resident.match_hash = match_hash(family_name, birth_year)
        resident.save()
        case = Case.objects.create(
            resident=resident,
            regisseur=regisseur,
            regisseur_organisation=organisation,
            opened_by=actor,
            opened_by_organisation=organisation,
            wijk=wijk,
            age_band=resident.age_band,
            target_groups=sorted(set(target_groups)),
            kompas_goals=sorted(set(kompas_goals)),
        )
        case.categories.set(categories)
    return case


@audited()
def case_take_over_regie(*, case: Case, actor: User) -> Case:
    """The regisseur left: a referrer of the regie organisation becomes the case's regisseur.

    The open follow-ups go with the regie. Two colleagues at once: the row lock lets one win;
    the other finds a regisseur who is there and is refused.
    """
    case = Case.objects.select_for_update().select_related("regisseur_organisation").get(pk=case.pk)
    organisation = case.regisseur_organisation
    still_there = works_at(case.regisseur_id, organisation.pk, REFERRING_ROLES)
    # Hold the taker's own membership, so one that is being ended cannot take the regie over.
    if not (
        case_policy.may_take_over_regie(actor_for(actor), case, regisseur_still_there=still_there)
        and hold_membership(actor, organisation.pk, REFERRING_ROLES)
    ):
        raise ActionRefused(
            _("De regie overnemen kan een verwijzer van %(org)s, als de regisseur daar niet meer werkt.")
            % {"org": organisation}
        )
    previous = case.regisseur_id
    role = actor_for(actor).acting_role(organisation.pk, "open_case")
    with audit_context(actor=actor, activity="case_management", organisation=organisation, role=role):
        case.regisseur = actor
        case.save(update_fields=["regisseur"])
        for follow_up in FollowUp.objects.filter(case=case, owner_id=previous, done_on__isnull=True):
            follow_up.owner = actor
            follow_up.save(update_fields=["owner"])
        CaseEvent.objects.create(
            case=case, name=CaseEvent.Name.REGIE_TAKEN_OVER, actor=actor, actor_organisation=organisation
        )
    return case


@audited()
def case_add_goal(*, case: Case, actor: User, text: str) -> PlanGoal:
    if not case_policy.may_manage(actor_for(actor), case):
        raise ActionRefused(_("Alleen de regisseur houdt het plan bij."))
    if not text.strip():
        raise ActionRefused(_("Beschrijf het doel."), field="text")
    with audit_context(
        actor=actor, activity="case_management", organisation=case.regisseur_organisation, role="regisseur"
    ):
        goal = PlanGoal(case=case, created_by=actor)
        goal.text = text.strip()
        goal.save()
    return goal


@audited()
def follow_up_done(*, follow_up: FollowUp, actor: AbstractBaseUser, note: str = "") -> FollowUp:
    """The check is done (vinger aan de pols), with what it found. Doing it twice changes nothing."""
    follow_up = FollowUp.objects.select_for_update().select_related("case").get(pk=follow_up.pk)
    actor_view = actor_for(actor)
    if not case_policy.may_do_follow_up(actor_view, follow_up):
        raise ActionRefused(_("Alleen de regisseur of wie de opvolging kreeg, houdt die bij."))
    if follow_up.done_on is None:
        case = follow_up.case
        organisation_id, role = case_policy.capacity(actor_view, case)
        organisation = Organisation.objects.filter(pk=organisation_id).first() if organisation_id else None
        with audit_context(actor=actor, activity="case_management", organisation=organisation, role=role):
            follow_up.done_on = timezone.localdate()
            follow_up.note = (note or "").strip()
            follow_up.save(update_fields=["done_on", "note_ciphertext"])
    return follow_up


@audited()
def goal_set_status(*, goal: PlanGoal, actor: AbstractBaseUser, status: str) -> PlanGoal:
    goal = PlanGoal.objects.select_for_update().select_related("case").get(pk=goal.pk)
    if not case_policy.may_manage(actor_for(actor), goal.case):
        raise ActionRefused(_("Alleen de regisseur houdt het plan bij."))
    if status not in PlanGoal.Status.values:
        raise ActionRefused(_("Kies een status."), field="status")
    if goal.status != status:
        with audit_context(
            actor=actor, activity="case_management", organisation=goal.case.regisseur_organisation, role="regisseur"
        ):
            goal.status = status
            goal.save(update_fields=["status"])
    return goal
