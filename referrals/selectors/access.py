# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""One way in per aggregate for the pages: the object, or 404, or 403 — and the ACCESS entry.

- 404 when the user may not see the object: they do not learn that it exists;
- 403 (with the policy's reason) when they see it but may not do the action asked;
- every page that shows personal data is logged here (an ACCESS entry naming the fields shown,
  never values), so a view cannot forget it;
- every refusal too (audit.services.refusals: who, which object — also an id that does not
  exist — 404 or 403), and a leaver's attempt is flagged to the privacy officer at once.
Views call these and never check a permission themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404

from accounts.selectors.actor import actor_for, former_actor
from accounts.selectors.memberships import works_at
from audit.models import AuditReason
from audit.services.refusals import record_refusal
from audit.services.trail import log_access
from directory.models import Organisation
from policies import subject_rights as rights
from policies.cases import case_policy
from policies.referrals import ACTIONS, CONTENT_FIELDS, referral_policy
from policies.roles import REFERRING_ROLES, Role
from referrals.models import Case, Consent, Referral, RegieOffer, Resident
from referrals.models.matching import match_hash
from referrals.selectors.cases import regie_offer_for, visible_cases
from referrals.selectors.referrals import list_queryset, visible_referrals


def referral_for(
    user: AbstractBaseUser | AnonymousUser, pk: int, *, action: str | None = None, shows: Iterable[str] = ()
) -> Referral:
    """The referral with `pk` as `user` may see it.

    `referral.fields` is what the user may see of it in its state; `shows` names what the
    page shows (`"visible"`: all of that) — content among it is logged as an access. With
    `shows="visible"` (the referral's own page), `referral.allowed` lists the actions the
    user may take now, for the buttons.
    """
    try:
        referral = list_queryset(visible_referrals(user)).select_related("consent", "parent").get(pk=pk)
    except Referral.DoesNotExist:
        raise _not_visible(user, Referral, pk, activity="referral") from None
    actor = actor_for(user)
    if action is not None and (reason := referral_policy.refusal(actor, action, referral)):
        _refused(user, referral, activity="referral")
        raise PermissionDenied(reason)
    referral.fields = referral_policy.visible_fields(actor, referral)
    if shows == "visible":
        referral.allowed = frozenset(a for a in ACTIONS if referral_policy.can(actor, a, referral))
    shown = referral.fields if shows == "visible" else referral.fields & set(shows)
    content = sorted(shown & CONTENT_FIELDS)
    if content:
        organisation_id, role = referral_policy.capacity(actor, referral)
        log_access(
            actor=user, obj=referral, activity="referral", organisation=organisation_id, role=role, fields=content
        )
    return referral


def case_for(
    user: AbstractBaseUser | AnonymousUser, pk: int, *, action: str | None = None, shows: Iterable[str] = ()
) -> Case:
    """The case with `pk` if `user` works on it (else 404); `action`: one of `allowed` below (else 403)."""
    try:
        case = visible_cases(user).select_related("resident", "regisseur", "regisseur_organisation", "wijk").get(pk=pk)
    except Case.DoesNotExist:
        raise _not_visible(user, Case, pk, activity="case_management") from None
    actor = actor_for(user)
    allowed = {
        "manage": case_policy.may_manage,
        "record_consent": case_policy.may_record_consent,
        "offer_regie": case_policy.may_offer_regie,
        "manage_household": case_policy.may_manage_household,
        "close": case_policy.may_close,
        "reopen": case_policy.may_reopen,
    }
    if action is not None and not allowed[action](actor, case):
        _refused(user, case, activity="case_management")
        raise PermissionDenied
    case.may = {name: check(actor, case) for name, check in allowed.items()}
    # Whether the regisseur left (one query, only for those who are not the regisseur).
    case.regisseur_left = not case.may["manage"] and not works_at(
        case.regisseur_id, case.regisseur_organisation_id, REFERRING_ROLES
    )
    case.may["take_over_regie"] = case_policy.may_take_over_regie(
        actor, case, regisseur_still_there=not case.regisseur_left
    )
    if shows:
        organisation_id, role = case_policy.capacity(actor, case)
        log_access(
            actor=user,
            obj=case,
            activity="case_management",
            organisation=organisation_id,
            role=role,
            fields=sorted(shows),
        )
    return case


def regie_offer_for_page(user: AbstractBaseUser | AnonymousUser, case_pk: int) -> RegieOffer:
    """The pending offer of the regie of case `case_pk` to `user`, else 404 (recorded like any 404).

    Before accepting, the page shows only what the offer needs: the reference, categories, wijk
    and who offers — nothing of the resident, so nothing is logged as an access.
    """
    offer = regie_offer_for(user, case_pk)
    if offer is None:
        raise _not_visible(user, Case, case_pk, activity="case_management")
    return offer


def consent_for_receipt(user: AbstractBaseUser | AnonymousUser, pk: int) -> Consent:
    """A consent to print, for whoever works on one of the resident's cases (else 404); logged."""
    consent = (
        # The hulpvrager's consent, or a household member's own (referrals.services.household).
        Consent.objects.filter(
            Q(resident__cases__in=visible_cases(user)) | Q(resident__household_cases__in=visible_cases(user)), pk=pk
        )
        .select_related("resident", "recorded_by", "recorded_by_organisation", "replaces")
        .prefetch_related("recipients")
        .distinct()
        .first()
    )
    if consent is None:
        raise _not_visible(user, Consent, pk, activity="consent")
    organisation = consent.recorded_by_organisation
    log_access(
        actor=user,
        obj=consent,
        activity="consent",
        reason=AuditReason.CONSENT_RECEIPT_PRINTED,
        organisation=organisation.pk,
        role=actor_for(user).acting_role(organisation.pk, "record_consent"),
        fields=["resident_name"],
    )
    return consent


def is_regisseur_of(user: AbstractBaseUser | AnonymousUser, resident: Resident) -> bool:
    """Regisseur of one of the resident's own cases (policies.subject_rights)."""
    actor = actor_for(user)
    return Case.objects.filter(case_policy.regisseur_q(actor), resident=resident).exists()


def resident_for(
    user: AbstractBaseUser | AnonymousUser,
    pseudonym: str,
    kind: str | None = None,
    *,
    shows: Iterable[str] = (),
    reason: str = "",
) -> Resident:
    """The resident, if `user` may use its rights pages (else 404), and `kind` of right (else 403).

    `shows` names the personal fields the page shows (e.g. the rectification form's current
    values): that view is logged, with `reason`.
    """
    resident = Resident.objects.select_related("wijk").filter(pseudonym=pseudonym).first()
    if resident is None:
        record_refusal(
            user, model=Resident, key=pseudonym, obj=None, status=404, activity="subject_rights", pseudonym=pseudonym
        )
        raise Http404
    actor = actor_for(user)
    is_regisseur = is_regisseur_of(user, resident)
    # 404, not 403: someone who does not handle this resident must not learn it exists.
    if not rights.may_see_resident(actor, resident, is_regisseur=is_regisseur):
        _refused(user, resident, activity="subject_rights", status=404, leaver=_leaver_of_resident(user, resident))
        raise Http404
    if kind is not None and not rights.may_exercise(actor, resident, kind, is_regisseur=is_regisseur):
        _refused(user, resident, activity="subject_rights")
        raise PermissionDenied
    resident.rights = {k: rights.may_exercise(actor, resident, k, is_regisseur=is_regisseur) for k in rights.KINDS}
    if shows:
        organisation, role = acting_as(user, resident)
        log_access(
            actor=user,
            obj=resident,
            activity="subject_rights",
            reason=reason,
            organisation=organisation,
            role=role,
            fields=sorted(shows),
        )
    return resident


# --- refusals -----------------------------------------------------------------------------


def _refused(
    user: AbstractBaseUser | AnonymousUser,
    obj: Referral | Case | Consent | Resident,
    *,
    activity: str,
    status: int = 403,
    leaver: tuple[int | None, str] | None = None,
) -> None:
    record_refusal(
        user,
        model=type(obj),
        key=obj.pk,
        obj=obj,
        status=status,
        activity=activity,
        pseudonym=obj.audit_pseudonym(),
        leaver=leaver,
    )


# What an object needs loaded to name itself and its resident's pseudonym in the entry.
_NAMES_ITS_RESIDENT: dict[type, tuple[str, ...]] = {
    Referral: ("case__resident",),
    Case: ("resident",),
    Consent: ("resident",),
}


def _not_visible(
    user: AbstractBaseUser | AnonymousUser, model: type[Referral | Case | Consent], pk: int, *, activity: str
) -> Http404:
    """Record a 404 (an object the user may not see, or no such object) and hand back the 404 to raise."""
    obj = model.objects.select_related(*_NAMES_ITS_RESIDENT[model]).filter(pk=pk).first()
    if obj is None:
        record_refusal(user, model=model, key=pk, obj=None, status=404, activity=activity)
    else:
        _refused(user, obj, activity=activity, status=404, leaver=_leaver_of(user, obj))
    return Http404()


def _leaver_of(user: AbstractBaseUser | AnonymousUser, obj: Referral | Case | Consent) -> tuple[int | None, str] | None:
    """The (organisation, role) of an ended membership that would have shown `obj` to `user`, if any."""
    former = former_actor(user)
    if former is None:
        return None
    if isinstance(obj, Referral):
        return referral_policy.capacity(former, obj) if referral_policy.sees(former, obj) else None
    cases = Case.objects.filter(case_policy.visibility_q(former))
    if isinstance(obj, Case):
        case = cases.filter(pk=obj.pk).first()
    elif isinstance(obj, Consent):  # any of its resident's cases
        case = cases.filter(resident_id=obj.resident_id).first()
    else:
        return None
    return case_policy.capacity(former, case) if case is not None else None


def _leaver_of_resident(user: AbstractBaseUser | AnonymousUser, resident: Resident) -> tuple[int | None, str] | None:
    """Like `_leaver_of`, for the resident's rights pages (the regisseur of one of their cases)."""
    former = former_actor(user)
    if former is None:
        return None
    case = Case.objects.filter(case_policy.regisseur_q(former), resident=resident).first()
    if case is None or not rights.may_see_resident(former, resident, is_regisseur=True):
        return None
    return case.regisseur_organisation_id, Role.REGISSEUR.value


def resident_for_case_page(user: AbstractBaseUser | AnonymousUser, resident: Resident) -> bool:
    """Whether the case page links to the resident's rights pages (they would not answer 404)."""
    return rights.may_see_resident(actor_for(user), resident, is_regisseur=is_regisseur_of(user, resident))


def open_finder(user: AbstractBaseUser | AnonymousUser) -> None:
    """The privacy officer's search for a resident who turned to the municipality (404 for anyone else)."""
    if not rights.may_find_residents(actor_for(user)):
        raise Http404


def find_residents(user: AbstractBaseUser | AnonymousUser, *, family_name: str, birth_year: int) -> list[Resident]:
    """Residents with this family name and birth year, by keyed hash (nothing is decrypted); logged."""
    open_finder(user)
    found: list[Resident] = list(
        Resident.objects.filter(match_hash=match_hash(family_name, birth_year), erased_at__isnull=True)
        .annotate(n_cases=Count("cases", distinct=True))
        .order_by("created_at")
    )
    for resident in found:
        organisation, role = acting_as(user, resident)
        log_access(
            actor=user,
            obj=resident,
            activity="subject_rights",
            organisation=organisation,
            role=role,
            reason=AuditReason.RESIDENT_LOOKED_UP,
        )
    return found


def acting_as(user: AbstractBaseUser | AnonymousUser, resident: Resident) -> tuple[Organisation | None, str]:
    """The organisation and role in which `user` handles a request about `resident` (for the audit entry)."""
    actor = actor_for(user)
    case = (
        Case.objects.filter(Q(resident=resident) | Q(household=resident))
        .filter(case_policy.regisseur_q(actor))
        .select_related("regisseur_organisation")
        .first()
    )
    if case is not None:
        return case.regisseur_organisation, Role.REGISSEUR
    for org_id in sorted(actor.organisations_with({Role.PRIVACY_OFFICER})):
        return Organisation.objects.get(pk=org_id), Role.PRIVACY_OFFICER
    return None, ""
