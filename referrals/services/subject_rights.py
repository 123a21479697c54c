# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident's rights: inzage (access), correctie (rectification), verwijdering (erasure).

Who may ask is decided in `policies.subject_rights`; every use is logged under
the processing activity "subject_rights".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

from auditlog.context import set_actor
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db.models import Model, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.selectors.actor import actor_for
from audit.models import AuditEntry, AuditReason
from audit.services.sealing import audited, seal_pending
from audit.services.trail import audit_context, log_access
from policies import subject_rights as rights
from policies.data_categories import DataCategory
from policies.register import ACTIVITIES
from referrals.models import (
    OPEN_STATES,
    Case,
    Consent,
    PlanGoal,
    Referral,
    ReferralEvent,
    Resident,
    StopReason,
    SubjectRequest,
    crypto,
)
from referrals.models.matching import match_hash
from referrals.models.residents import age_band
from referrals.selectors.access import acting_as, is_regisseur_of
from referrals.services import erasure_journal
from referrals.services.errors import ActionRefused

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

RECTIFIABLE_FIELDS = (
    "given_name",
    "family_name",
    "birth_year",
    "phone",
    "email",
    "preferred_language",
    "needs_interpreter",
)


def _require(user: AbstractBaseUser, resident: Resident, kind: str) -> None:
    if not rights.may_exercise(actor_for(user), resident, kind, is_regisseur=is_regisseur_of(user, resident)):
        raise ActionRefused(_("Alleen de regisseur van de inwoner kan dit verzoek afhandelen."))


# --- Erasure (crypto-shredding) -------------------------------------------------------


@audited()
def resident_erase(
    *,
    resident: Resident,
    reason: str,
    actor: User | None = None,
    kind: str = SubjectRequest.Kind.ERASURE,
    reapplied: bool = False,
) -> bool:
    """Destroy the resident's data key and blank every value sealed with it.

    `actor=None` is the service itself (retention, or `reapplied` after a
    backup was restored). Open referrals stop and open cases close; Case and
    Referral rows stay with their anonymous facts (categories, wijk, age band,
    dates, states, outcomes) for the reports. The erasure journal gets its line
    before the commit (see erasure_journal.erasure_record). Returns False when
    the resident was already erased (safe to call twice).
    """
    resident = Resident.objects.select_for_update().get(pk=resident.pk)
    if resident.erased_at:
        return False
    if actor is not None:
        _require(actor, resident, rights.ERASE)
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_("Noteer waarom de gegevens gewist worden."), field="reason")
    organisation, role = acting_as(actor, resident) if actor is not None else (None, "")
    activity = "retention" if kind == SubjectRequest.Kind.RETENTION else "subject_rights"
    # Late import: referral_stop lives beside the other referral use cases.
    from referrals.services.referrals import stop_within

    # The free-text reason stays with the request; the permanent audit trail
    # gets a fixed label, since free text may name people.
    label = AuditReason.RETENTION_PERIOD_PASSED if activity == "retention" else AuditReason.ERASURE
    if reapplied:
        label = AuditReason.ERASURE_REAPPLIED
    with audit_context(activity=activity, reason=label, organisation=organisation, role=role), _as(actor):
        for referral in Referral.objects.filter(case__resident=resident, state__in=OPEN_STATES).order_by("pk"):
            stop_within(referral, reason=StopReason.RESIDENT_ERASED)
        # Every value sealed with the resident's data key is blanked as well, so not
        # even the (already unreadable) ciphertext stays.
        for referral in Referral.objects.filter(case__resident=resident):
            _blank(referral)
        for goal in PlanGoal.objects.filter(case__resident=resident):
            _blank(goal)
        for consent in Consent.objects.filter(resident=resident):
            _blank(consent)
        now = timezone.now()
        for case in Case.objects.filter(resident=resident, status=Case.Status.OPEN):
            case.status, case.closed_at = Case.Status.CLOSED, now
            case.save(update_fields=["status", "closed_at"])
        for column in crypto.encrypted_columns(Resident):
            setattr(resident, column, "")
        resident.__dict__.pop("_data_key", None)
        resident.wrapped_data_key = ""
        resident.match_hash = ""
        resident.needs_interpreter = False
        resident.erased_at = now
        resident.erasure_reason = reason[:200]
        resident.save()
        SubjectRequest.objects.create(
            kind=kind,
            resident=resident,
            pseudonym=resident.pseudonym,
            reason=reason[:300],
            handled_by=actor,
            handled_by_organisation=organisation,
        )
    # The last step before COMMIT: if the line cannot be written, nothing above commits.
    # A reapplied erasure writes a line too: every erasure in the database has one.
    erasure_journal.erasure_record(
        pseudonym=resident.pseudonym,
        erased_at=now,
        kind=erasure_journal.RETENTION if kind == SubjectRequest.Kind.RETENTION else erasure_journal.REQUEST,
    )
    return True


def _as(actor: User | None) -> AbstractContextManager[Any]:
    # Outside a request (commands, tests) auditlog knows no actor; name it.
    return set_actor(actor) if actor is not None else nullcontext()


def _blank(obj: Model) -> None:
    filled = [c for c in crypto.encrypted_columns(type(obj)) if getattr(obj, c)]
    if filled:
        for column in filled:
            setattr(obj, column, "")
        # One save per row (never a bulk update) so the audit trail records it.
        obj.save(update_fields=filled)


# --- Rectification --------------------------------------------------------------------


@audited()
def resident_rectify(*, resident: Resident, actor: User, changes: dict[str, Any], reason: str) -> list[str]:
    """Correct the resident's own data; returns the names of the fields that changed."""
    resident = Resident.objects.select_for_update().get(pk=resident.pk)
    _require(actor, resident, rights.RECTIFY)
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_("Noteer waarom de gegevens gecorrigeerd worden."), field="reason")
    unknown = set(changes) - set(RECTIFIABLE_FIELDS)
    if unknown:
        raise ValueError(f"not rectifiable: {sorted(unknown)}")
    new = {name: _clean(name, value) for name, value in changes.items()}
    changed = [name for name in RECTIFIABLE_FIELDS if name in new and new[name] != getattr(resident, name)]
    if not changed:
        raise ActionRefused(_("Er is niets gewijzigd."))
    after = {name: new.get(name, getattr(resident, name)) for name in RECTIFIABLE_FIELDS}
    if not after["given_name"] and not after["family_name"]:
        raise ActionRefused(_("Vul minstens de voornaam (of initialen) of de achternaam in."), field="family_name")
    if not after["phone"] and not after["email"]:
        raise ActionRefused(_("Vul een telefoonnummer of e-mailadres in."), field="phone")
    organisation, role = acting_as(actor, resident)
    with (
        audit_context(
            activity="subject_rights", reason=AuditReason.RECTIFICATION, organisation=organisation, role=role
        ),
        _as(actor),
    ):
        for name in changed:
            setattr(resident, name, new[name])
        if "family_name" in changed or "birth_year" in changed:
            resident.match_hash = match_hash(after["family_name"], after["birth_year"])
            resident.age_band = age_band(after["birth_year"])
        resident.save()
        # The lists show the band from the case (Case.age_band), not from the resident.
        resident.cases.exclude(age_band=resident.age_band).update(age_band=resident.age_band)
        SubjectRequest.objects.create(
            kind=SubjectRequest.Kind.RECTIFICATION,
            resident=resident,
            pseudonym=resident.pseudonym,
            reason=reason[:300],
            fields=changed,
            handled_by=actor,
            handled_by_organisation=organisation,
        )
    return changed


def _clean(name: str, value: Any) -> bool | int | str | None:
    if name == "needs_interpreter":
        return bool(value)
    if name == "birth_year":
        if value in (None, ""):
            return None
        try:
            year = int(value)
        except (TypeError, ValueError):
            raise ActionRefused(_("Vul een geboortejaar in, bijvoorbeeld 1985."), field="birth_year") from None
        if not 1900 <= year <= timezone.localdate().year:
            raise ActionRefused(_("Vul een geboortejaar in, bijvoorbeeld 1985."), field="birth_year")
        return year
    return ("" if value is None else str(value)).strip()


# --- Inzage (access) ------------------------------------------------------------------


@audited()
def inzage_report(*, resident: Resident, actor: User, fmt: str = "html") -> dict[str, Any]:
    """Everything held about the resident, every referral and every access to it.

    The request is logged first, so the document lists its own making too.
    """
    _require(actor, resident, rights.ACCESS)
    organisation, role = acting_as(actor, resident)
    log_access(
        actor=actor,
        obj=resident,
        activity="subject_rights",
        reason=AuditReason.INZAGE_REQUESTED.format(fmt=fmt),
        organisation=organisation,
        role=role,
        fields=("inzage",),
    )
    SubjectRequest.objects.create(
        kind=SubjectRequest.Kind.ACCESS,
        resident=resident,
        pseudonym=resident.pseudonym,
        reason=f"inzage ({fmt})",
        handled_by=actor,
        handled_by_organisation=organisation,
    )
    seal_pending()  # the entry just written is read back below
    return collect(resident)


def _person(user: User | None) -> str:
    if user is None:
        return _("de dienst zelf")
    return user.get_full_name() or user.get_username()


def _resident_data(resident: Resident) -> dict[str, Any]:
    data = {
        "pseudonym": resident.pseudonym,
        "age_band": resident.age_band,
        "wijk": resident.wijk.name if resident.wijk else "",
        "created_at": resident.created_at,
        "erased_at": resident.erased_at,
        "erasure_reason": resident.erasure_reason,
    }
    if resident.erased_at:
        return data | dict.fromkeys(RECTIFIABLE_FIELDS)
    return data | {name: getattr(resident, name) for name in RECTIFIABLE_FIELDS}


def collect(resident: Resident) -> dict[str, Any]:
    """The inzage data as plain values (the HTML page and the JSON export both render this)."""
    readable = resident.erased_at is None
    own_cases = list(
        Case.objects.filter(resident=resident)
        .select_related("regisseur", "regisseur_organisation", "wijk")
        .prefetch_related(
            "categories",
            "follow_ups",
            Prefetch("goals", queryset=PlanGoal.objects.order_by("created_at")),
            Prefetch(
                "referrals",
                queryset=Referral.objects.select_related(
                    "from_organisation", "from_user", "to_organisation", "service", "assignee"
                )
                .prefetch_related(
                    "categories",
                    Prefetch("events", queryset=ReferralEvent.objects.select_related("actor_organisation")),
                )
                .order_by("created_at", "pk"),
            ),
        )
    )
    household_cases = list(
        Case.objects.filter(household=resident)
        .exclude(resident=resident)
        .select_related("regisseur", "regisseur_organisation")
    )
    for case in own_cases:
        case.resident = resident  # one unwrapped data key for every value below
    consents = list(
        Consent.objects.filter(resident=resident)
        .select_related("recorded_by", "recorded_by_organisation", "withdrawn_by")
        .prefetch_related("recipients")
        .order_by("created_at", "pk")
    )
    for consent in consents:
        consent.resident = resident
    entries = list(
        AuditEntry.objects.filter(pseudonym=resident.pseudonym)
        # A refused attempt saw and changed nothing: it is for the privacy officer, not a processing.
        .exclude(action=AuditEntry.Action.REFUSED)
        .select_related("actor", "organisation", "content_type")
        .order_by("timestamp", "pk")
    )
    labels = dict(DataCategory.choices)
    return {
        "generated_at": timezone.now(),
        "resident": _resident_data(resident),
        "cases": [_case_data(case, readable) for case in own_cases],
        "household_cases": [
            {
                "reference": c.reference,
                "status": c.get_status_display(),
                "regisseur": _person(c.regisseur),
                "regisseur_organisation": c.regisseur_organisation.name,
                "created_at": c.created_at,
            }
            for c in household_cases
        ],
        "consents": [_consent_data(c, readable, labels) for c in consents],
        "referrals": [_referral_data(r, readable, labels) for case in own_cases for r in case.referrals.all()],
        "accesses": [_entry_data(e) for e in entries if e.action == AuditEntry.Action.ACCESS],
        "changes": [_entry_data(e) for e in entries if e.action != AuditEntry.Action.ACCESS],
        "requests": [
            {
                "kind": r.get_kind_display(),
                "requested_at": r.requested_at,
                "reason": r.reason,
                "fields": r.fields,
                "handled_by": _person(r.handled_by),
            }
            for r in SubjectRequest.objects.filter(resident=resident).select_related("handled_by")
        ],
    }


def _case_data(case: Case, readable: bool) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "status": case.get_status_display(),
        "created_at": case.created_at,
        "closed_at": case.closed_at,
        "regisseur": _person(case.regisseur),
        "regisseur_organisation": case.regisseur_organisation.name,
        "wijk": case.wijk.name if case.wijk else "",
        "categories": [c.name for c in case.categories.all()],
        "goals": [
            {"text": g.text if readable else None, "status": g.get_status_display(), "created_at": g.created_at}
            for g in case.goals.all()
        ],
        "follow_ups": [{"due_on": f.due_on, "done_on": f.done_on} for f in case.follow_ups.all()],
    }


def _consent_data(consent: Consent, readable: bool, labels: Mapping[str, StrOrPromise]) -> dict[str, Any]:
    return {
        "id": consent.pk,
        "purpose": consent.purpose if readable else None,
        "recipients": [o.name for o in consent.recipients.all()],
        "data_categories": [str(labels.get(c, c)) for c in consent.data_categories],
        "given_how": consent.get_given_how_display(),
        "informed_language": consent.informed_language,
        "recorded_by": _person(consent.recorded_by),
        "recorded_by_organisation": consent.recorded_by_organisation.name,
        "created_at": consent.created_at,
        "valid_from": consent.valid_from,
        "valid_until": consent.valid_until,
        "replaces": consent.replaces_id,
        "withdrawn_at": consent.withdrawn_at,
        "withdrawn_by": _person(consent.withdrawn_by) if consent.withdrawn_by else "",
        "withdrawn_reason": consent.withdrawn_reason if readable else None,
    }


def _referral_data(referral: Referral, readable: bool, labels: Mapping[str, StrOrPromise]) -> dict[str, Any]:
    return {
        "reference": str(referral),
        "from_organisation": referral.from_organisation.name,
        "from_user": _person(referral.from_user),
        "to_organisation": referral.to_organisation.name,
        "service": referral.service.name,
        "state": referral.get_state_display(),
        "urgency": referral.get_urgency_display(),
        "categories": [c.name for c in referral.categories.all()],
        "shared_data": [str(labels.get(c, c)) for c in referral.shared_data],
        "legal_basis": referral.get_legal_basis_display(),
        "consent": referral.consent_id,
        "summary": referral.summary if readable else None,
        "legal_basis_justification": referral.legal_basis_justification if readable else None,
        "assignee": _person(referral.assignee) if referral.assignee else "",
        "created_at": referral.created_at,
        "sent_at": referral.sent_at,
        "accepted_at": referral.accepted_at,
        "first_contact_on": referral.first_contact_on,
        "first_contact_way": referral.get_first_contact_way_display() if referral.first_contact_way else "",
        "ended_at": referral.ended_at,
        "outcome": referral.get_outcome_display() if referral.outcome else "",
        "outcome_note": referral.outcome_note if readable else None,
        "decline_reason": referral.get_decline_reason_display() if referral.decline_reason else "",
        "decline_note": referral.decline_note if readable else None,
        "stop_reason": referral.get_stop_reason_display() if referral.stop_reason else "",
        "events": [
            {
                "name": e.name,
                "at": e.at,
                "to_state": e.to_state,
                "organisation": e.actor_organisation.name if e.actor_organisation else "",
            }
            for e in referral.events.all()
        ],
    }


# Readable names of the encrypted values (their columns end in _ciphertext).
_VALUE_LABELS = {
    "given_name": gettext_lazy("voornaam"),
    "family_name": gettext_lazy("achternaam"),
    "birth_year": gettext_lazy("geboortejaar"),
    "phone": gettext_lazy("telefoon"),
    "email": gettext_lazy("e-mail"),
    "preferred_language": gettext_lazy("voorkeurstaal"),
    "summary": gettext_lazy("samenvatting"),
    "outcome_note": gettext_lazy("toelichting afsluiting"),
    "decline_note": gettext_lazy("toelichting afwijzing"),
    "legal_basis_justification": gettext_lazy("onderbouwing grondslag"),
    "text": gettext_lazy("doel"),
    "withdrawn_reason": gettext_lazy("reden intrekking"),
    "wrapped_data_key": gettext_lazy("sleutel"),
    "state": gettext_lazy("stand"),
}


_ACTION_LABELS = {
    AuditEntry.Action.CREATE: gettext_lazy("vastgelegd"),
    AuditEntry.Action.UPDATE: gettext_lazy("gewijzigd"),
    AuditEntry.Action.DELETE: gettext_lazy("verwijderd"),
    AuditEntry.Action.ACCESS: gettext_lazy("bekeken"),
}


def _field_labels(entry: AuditEntry, names: Iterable[str] | None) -> list[str]:
    model = entry.content_type.model_class() if entry.content_type else None
    labels = []
    for name in names or ():
        base = name.removesuffix("_ciphertext")
        label: StrOrPromise | None = _VALUE_LABELS.get(base)
        if label is None and model is not None:
            try:
                label = model._meta.get_field(name).verbose_name
            except Exception:  # a name from an older version of the model
                label = base.replace("_", " ")
        labels.append(str(label or base))
    return labels


def _entry_data(entry: AuditEntry) -> dict[str, Any]:
    activity = ACTIVITIES.get(entry.processing_activity)
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    if entry.action == AuditEntry.Action.ACCESS:
        fields = changes.get("fields")
    elif entry.action == AuditEntry.Action.UPDATE:
        fields = _field_labels(entry, sorted(changes))
    else:  # created or deleted as a whole: listing every column says nothing more
        fields = []
    return {
        "at": entry.timestamp,
        "who": _person(entry.actor),
        "organisation": entry.organisation.name if entry.organisation else "",
        "role": entry.role,
        "action": str(_ACTION_LABELS.get(entry.action, entry.get_action_display())),
        "object": f"{entry.content_type.name if entry.content_type else ''} {entry.object_repr}".strip(),
        "activity": activity.label if activity else entry.processing_activity,
        "reason": entry.reason,
        "fields": list(fields or []),
    }
