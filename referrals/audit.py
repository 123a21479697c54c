"""Writing the audit trail: context for auditlog entries, redaction, access logs.

django-auditlog writes an entry for every change of a registered model. The
services say *why* (processing activity, reason, acting organisation and role)
through `audit_context`; a pre_save hook copies that onto each entry, with the
resident's pseudonym that the model hands over in `get_additional_data`.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db.models.signals import pre_save

REDACTED = "[afgeschermd]"


def redact(value: str) -> str:
    """Replaces auditlog's default mask, which keeps half of the value."""
    return REDACTED


@dataclass(frozen=True)
class AuditContext:
    activity: str = ""
    reason: str = ""
    organisation_id: int | None = None
    role: str = ""


_context: ContextVar[AuditContext | None] = ContextVar("audit_context", default=None)


@contextmanager
def audit_context(*, activity: str, reason: str = "", organisation=None, role: str = ""):
    from policies.register import ACTIVITIES

    if activity not in ACTIVITIES:
        raise ValueError(f"unknown processing activity {activity!r}")
    token = _context.set(
        AuditContext(activity=activity, reason=reason[:300], organisation_id=getattr(organisation, "pk", None), role=role)
    )
    try:
        yield
    finally:
        _context.reset(token)


def current_context() -> AuditContext:
    return _context.get() or AuditContext()


def fill_entry_from_context(sender, instance, **kwargs):
    if instance.pk:
        return
    ctx = current_context()
    instance.processing_activity = instance.processing_activity or ctx.activity or "administration"
    instance.reason = instance.reason or ctx.reason
    instance.organisation_id = instance.organisation_id or ctx.organisation_id
    instance.role = instance.role or ctx.role
    extra = instance.additional_data or {}
    instance.pseudonym = instance.pseudonym or extra.get("pseudonym", "")


def log_access(*, actor, obj, activity: str, reason: str = "", organisation=None, role: str = "", fields=()):
    """Record that `actor` saw personal data of `obj` (a resident, case, referral …)."""
    from auditlog.models import LogEntry  # noqa: F401 (swappable; resolved below)

    from referrals.models import AuditEntry

    ctx = current_context()
    return AuditEntry.objects.log_create(
        obj,
        force_log=True,
        action=AuditEntry.Action.ACCESS,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        changes={"fields": sorted(fields)} if fields else None,
        processing_activity=activity,
        reason=reason[:300] or ctx.reason,
        organisation_id=getattr(organisation, "pk", None) or ctx.organisation_id,
        role=role or ctx.role,
    )


def connect():
    from referrals.models import AuditEntry

    pre_save.connect(fill_entry_from_context, sender=AuditEntry, dispatch_uid="audit_fill_from_context")
