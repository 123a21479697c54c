# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Writing the audit trail: context for auditlog entries, redaction, access logs.

django-auditlog writes an entry for every change of a registered model. The
services say *why* (processing activity, reason, acting organisation and role)
through `audit_context`; a pre_save hook copies that onto each entry, with the
resident's pseudonym that the model hands over in `get_additional_data`, and
then seals the entry into the hash chain (audit.services.chain) — at once, or with the other
entries of its transaction at the end of `audited()` (audit.services.sealing).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model
from django.db.models.signals import pre_save

if TYPE_CHECKING:
    from audit.models import AuditEntry
    from directory.models import Organisation

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
    actor_id: int | None = None


_context: ContextVar[AuditContext | None] = ContextVar("audit_context", default=None)


@contextmanager
def audit_context(
    *,
    activity: str,
    reason: str = "",
    organisation: Organisation | None = None,
    role: str = "",
    actor: AbstractBaseUser | AnonymousUser | None = None,
) -> Iterator[None]:
    """Everything written inside names this processing activity (and reason, organisation, role).

    `actor` is for work outside a request (commands); in a request the
    auditlog middleware names the logged-in user.
    """
    from policies.register import ACTIVITIES

    if activity not in ACTIVITIES:
        raise ValueError(f"unknown processing activity {activity!r}")
    token = _context.set(
        AuditContext(
            activity=activity,
            reason=reason[:300],
            organisation_id=getattr(organisation, "pk", None),
            role=role,
            actor_id=getattr(actor, "pk", None),
        )
    )
    try:
        yield
    finally:
        _context.reset(token)


# The tool the actor works through, when not the pages: an API client application's client_id.
# Every entry written meanwhile names it in `additional_data["client_application"]` (hashed
# into the chain with the rest). Set by api.authentication, reset per request by `tool_scope`.
_tool: ContextVar[str] = ContextVar("audit_tool", default="")


@contextmanager
def tool_scope() -> Iterator[None]:
    token = _tool.set("")
    try:
        yield
    finally:
        _tool.reset(token)


def use_tool(name: str) -> None:
    """From now until the end of the enclosing `tool_scope` (the request), entries name `name`."""
    _tool.set(name)


def current_context() -> AuditContext:
    return _context.get() or AuditContext()


def _apply_request_context(instance: AuditEntry) -> None:
    """What auditlog's middleware would add (actor, remote address) — added now, before sealing.

    auditlog connects its own pre_save receiver per request, after ours; the
    entry must be complete before its hash is taken, so we apply it here and
    leave auditlog's receiver nothing to change.
    """
    from auditlog.context import _set_actor, auditlog_value

    try:
        request_context = auditlog_value.get()
    except LookupError:
        return
    # auditlog never clears its context variable after a request; it is only
    # current while auditlog's own receiver for it is connected.
    if not any(entry[0][0] == request_context.get("signal_duid") for entry in pre_save.receivers):
        return
    _set_actor(request_context, instance, type(instance))
    for key, value in request_context.items():
        if key not in ("actor", "signal_duid") and hasattr(instance, key):
            setattr(instance, key, value() if callable(value) else value)


def prepare_entry(sender: type[AuditEntry], instance: AuditEntry, **kwargs: Any) -> None:
    if not instance._state.adding:
        return
    from audit.services.chain import seal
    from audit.services.sealing import buffer_for

    ctx = current_context()
    _apply_request_context(instance)
    if instance.actor_id is None and ctx.actor_id is not None:
        instance.actor_id = ctx.actor_id
    extra = instance.additional_data or {}
    if tool := _tool.get():
        instance.additional_data = extra = {**extra, "client_application": tool}
    instance.processing_activity = (
        instance.processing_activity or ctx.activity or extra.get("activity") or "administration"
    )
    instance.reason = (instance.reason or ctx.reason)[:300]
    instance.organisation_id = instance.organisation_id or ctx.organisation_id
    instance.role = instance.role or ctx.role
    instance.pseudonym = instance.pseudonym or extra.get("pseudonym", "")
    _fill_from_membership(instance)
    _record_span(instance)
    using = kwargs.get("using") or "default"
    if buffer_for(using) is None:  # inside audited() the entry is sealed with the others at the end
        seal(instance, using)


# The key in `additional_data` (hashed into the chain with the rest of the entry) under which an
# entry keeps the rest of what Logboek Dataverwerkingen records of its action: the status when
# it is not OK and the caller's operation. The span itself has columns of its own (span_id,
# parent_span_id, start_ms, activity_version); entries sealed before those existed have it here.
LDV_KEY = "ldv"


def _record_span(instance: AuditEntry) -> None:
    from audit.services.trace import span_for_entry
    from policies.register import ACTIVITIES

    if instance.span_id:
        return  # written by someone who knows its span (a failed action, audit.services.sealing)
    span = span_for_entry()
    instance.span_id, instance.start_ms = span.span_id, span.started_ms
    instance.parent_span_id = span.parent_span_id or None
    activity = ACTIVITIES.get(instance.processing_activity)
    if activity is not None:
        instance.activity_version = activity.version
    if span.foreign is not None:
        extra = dict(instance.additional_data or {})
        extra[LDV_KEY] = {**extra.get(LDV_KEY, {}), "foreign_operation": span.foreign.as_dict()}
        instance.additional_data = extra


def _fill_from_membership(instance: AuditEntry) -> None:
    """Where the writer did not say in which capacity the actor acted, but only one fits, name it."""
    if instance.actor_id is None or (instance.organisation_id and instance.role):
        return
    from accounts.selectors.actor import actor_for

    fitting = [
        (org_id, role)
        for org_id, role in sorted(actor_for(instance.actor).memberships)
        if (not instance.role or role == instance.role)
        and (not instance.organisation_id or org_id == instance.organisation_id)
    ]
    if len(fitting) == 1:
        instance.organisation_id, instance.role = fitting[0]


def log_access(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    obj: Model,
    activity: str,
    reason: str = "",
    organisation: Organisation | int | None = None,
    role: str = "",
    fields: Iterable[str] = (),
    pseudonym: str = "",
    filters: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record that `actor` saw personal data of `obj` (a resident, case, referral …).

    `fields` names what was shown (field names, never values). `organisation` is the
    organisation (or its id) the actor acted for. `pseudonym` is for objects that cannot
    name their resident themselves; `filters` is what a search asked for (the privacy
    officer's own searches are logged).
    """
    from audit.models import AuditEntry
    from policies.register import ACTIVITIES

    if activity not in ACTIVITIES:
        raise ValueError(f"unknown processing activity {activity!r}")
    ctx = current_context()
    return AuditEntry.objects.log_create(
        obj,
        force_log=True,
        action=AuditEntry.Action.ACCESS,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        changes=({"fields": sorted(fields)} if fields else {}) | ({"filters": filters} if filters else {}) or None,
        processing_activity=activity,
        reason=reason[:300] or ctx.reason,
        organisation_id=(organisation if isinstance(organisation, int) else getattr(organisation, "pk", None))
        or ctx.organisation_id,
        role=role or ctx.role,
        pseudonym=pseudonym,
    )


def connect() -> None:
    from audit.models import AuditEntry

    pre_save.connect(prepare_entry, sender=AuditEntry, dispatch_uid="audit_prepare_entry")
