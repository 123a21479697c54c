# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Which models django-auditlog follows, and which of their fields it must never show."""

from collections.abc import Callable
from typing import Any

from auditlog.registry import auditlog
from django.contrib.auth import get_user_model
from django.db.models import Model

from referrals.models.crypto import encrypted_columns

# Every ciphertext column (crypto.encrypted_columns) and these fields: the audit
# entry says *that* it changed, never *what* it became (redacted in full by
# audit.services.trail.redact). needs_interpreter is content a receiving
# partner only sees after accepting.
_SECRET_FIELDS = {"wrapped_data_key", "match_hash", "password", "needs_interpreter", "token_hash"}
# Free text a professional types about a resident is content, even unencrypted.
_FREE_TEXT_FIELDS = {"erasure_reason"}
# A case's target groups say things about the household (bijstand > 2 years, statushouder).
_CONTENT_FIELDS_OF = {"case": {"target_groups", "kompas_goals"}}


def _mask_fields(model: type[Model]) -> list[str]:
    secret = {
        *encrypted_columns(model),
        *_SECRET_FIELDS,
        *_FREE_TEXT_FIELDS,
        *_CONTENT_FIELDS_OF.get(model._meta.model_name or "", ()),
    }
    return [f.name for f in model._meta.concrete_fields if f.name in secret]


def _pseudonym_through(attribute: str, activity: str) -> Callable[[Any], dict[str, str]]:
    """get_additional_data for models that are about a referral but cannot name the resident themselves."""

    def get_additional_data(self: Any) -> dict[str, str]:
        related = getattr(self, attribute, None)
        try:
            pseudonym = related.audit_pseudonym() if related is not None else ""
        except Exception:  # an erased or half-built object still gets logged
            pseudonym = ""
        return {"pseudonym": pseudonym, "activity": activity} if pseudonym else {}

    return get_additional_data


def _flag_additional_data(self: Any) -> dict[str, str]:
    return {"pseudonym": self.pseudonym, "activity": "audit_review"} if self.pseudonym else {}


def register_all() -> None:
    from accounts.models import Membership
    from audit.models import AuditEntry, PrivacyFlag
    from directory.models import Category, Organisation, Service, ServiceTarget, Wijk
    from referrals import models as m

    # Grants and notifications belong to a referral: their entries carry its
    # resident's pseudonym, so a resident's access report includes them.
    # (auditlog looks `get_additional_data` up on the model; the type checker
    # cannot see a method added here, hence the two ignores.)
    for model, attribute in [
        (m.Notification, "referral"),
        (m.ReferralUserObjectPermission, "content_object"),
        (m.ReferralGroupObjectPermission, "content_object"),
    ]:
        if not hasattr(model, "get_additional_data"):
            model.get_additional_data = _pseudonym_through(attribute, "referral")  # type: ignore[attr-defined]
    if not hasattr(PrivacyFlag, "get_additional_data"):
        PrivacyFlag.get_additional_data = _flag_additional_data  # type: ignore[attr-defined]

    user_model = get_user_model()
    # Not ReferralEvent nor CaseEvent: each event is written with the referral's own change (state, actor,
    # organisation, time), which the referral's entry already holds, and is never changed after;
    # an entry for it said the same thing twice (5 of 19 entries per handover).
    plain = [
        Wijk,
        Category,
        Organisation,
        ServiceTarget,
        Membership,
        m.FollowUp,
        m.ContactAttempt,
        m.RegieOffer,
        m.Notification,
        PrivacyFlag,
        m.ReferralUserObjectPermission,
        m.ReferralGroupObjectPermission,
    ]
    m2m = {
        Service: ["categories", "wijken"],
        m.Case: ["categories", "household"],
        m.Referral: ["categories"],
        m.Consent: ["recipients"],
    }
    for model in [*plain, m.Resident, m.PlanGoal, *m2m]:
        if not auditlog.contains(model):
            auditlog.register(model, mask_fields=_mask_fields(model), m2m_fields=set(m2m.get(model, ())))
    if not auditlog.contains(user_model):
        auditlog.register(user_model, exclude_fields=["password", "last_login"])
    _remove_from_admin(AuditEntry)


def follow(model: type[Model], *, m2m: tuple[str, ...] = ()) -> None:
    """Have auditlog follow a model of another app (signals), with the same masking as ours."""
    if not auditlog.contains(model):
        auditlog.register(model, mask_fields=_mask_fields(model), m2m_fields=set(m2m))


def _remove_from_admin(model: type[Model]) -> None:
    """auditlog lists its entries in the admin site; here only the privacy officer reads them,
    on pages that log every search (audit.views.privacy) and offer no delete."""
    from django.contrib import admin

    if admin.site.is_registered(model):
        admin.site.unregister(model)
