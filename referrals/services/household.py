# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The household of a case: the regisseur adds and removes members (each a Resident of their own).

A member's name and contact are sealed like the hulpvrager's (their own data key), and a member
has their own consent. Referrals share data of the case's hulpvrager only (referral.shared_data
reads case.resident), never of a member: a member shares nothing through a referral.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from accounts.selectors.actor import actor_for
from audit.services.sealing import audited
from audit.services.trail import audit_context
from policies.cases import case_policy
from referrals.models import Case, CaseEvent, Resident
from referrals.models.matching import match_hash
from referrals.services.errors import ActionRefused


def _refuse_unless_manager(case: Case, actor: User) -> None:
    actor_ = actor_for(actor)
    if not case_policy.may_manage_household(actor_, case):
        if case_policy.is_regisseur(actor_, case):
            raise ActionRefused(_("De casus is gesloten: heropen hem eerst."))
        raise ActionRefused(_("Alleen de regisseur houdt het gezin bij."))


@audited()
def household_add(
    *,
    case: Case,
    actor: User,
    given_name: str,
    family_name: str,
    birth_year: int | None = None,
    phone: str = "",
    email: str = "",
) -> Resident:
    case = Case.objects.select_for_update().select_related("regisseur_organisation").get(pk=case.pk)
    _refuse_unless_manager(case, actor)
    if not family_name.strip() and not given_name.strip():
        raise ActionRefused(_("Vul minstens de voornaam (of initialen) of de achternaam in."), field="family_name")
    with audit_context(
        actor=actor, activity="case_management", organisation=case.regisseur_organisation, role="regisseur"
    ):
        member = Resident(wijk=case.wijk)
        member.given_name = given_name.strip()
        member.family_name = family_name.strip()
        member.birth_year = birth_year
        member.phone = phone.strip()
        member.email = email.strip()
        member.match_hash = match_hash(family_name, birth_year)
        member.save()
        case.household.add(member)
        CaseEvent.objects.create(
            case=case, name=CaseEvent.Name.MEMBER_ADDED, actor=actor, actor_organisation=case.regisseur_organisation
        )
    return member


@audited()
def household_remove(*, case: Case, actor: User, member: Resident) -> None:
    """The member leaves the case; their own record stays until retention erases it (policies.retention)."""
    case = Case.objects.select_for_update().select_related("regisseur_organisation").get(pk=case.pk)
    _refuse_unless_manager(case, actor)
    if not case.household.filter(pk=member.pk).exists():
        raise ActionRefused(_("Deze persoon hoort niet (meer) bij het gezin van deze casus."))
    with audit_context(
        actor=actor, activity="case_management", organisation=case.regisseur_organisation, role="regisseur"
    ):
        case.household.remove(member)
        CaseEvent.objects.create(
            case=case,
            name=CaseEvent.Name.MEMBER_REMOVED,
            actor=actor,
            actor_organisation=case.regisseur_organisation,
        )
