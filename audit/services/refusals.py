# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Refused attempts: a page about a resident that answered 404 or 403 leaves a trace.

The access helpers (referrals.selectors.access) know why they refuse and call `record_refusal`:
who tried, which object (type and id, also when no such object exists: someone scanning ids),
403 or 404 — never anything of the object itself. The entry (action REFUSED) names the page by
its URL pattern in its reason. A leaver (an ended membership would have let them in) is
flagged to the privacy officer at once; many refusals are flagged by detect_unusual_access.

In a request the entries are written by `RefusedAttemptMiddleware` *after* the view answered:
the refusal is an exception that rolls back whatever transaction the view runs in (with
ATOMIC_REQUESTS, the whole view), and the trace of the attempt must not go with it. Outside a
request (a shell, a command) they are written at once.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse

# Ids that fit the audit entry's object_id (a bigint); a longer "id" is kept as text only.
_MAX_ID = 2**63 - 1
_MAX_KEY_LENGTH = 40


@dataclass(frozen=True)
class Refusal:
    actor_id: int
    model: type[models.Model]
    key: int | str  # the id (or pseudonym) asked for
    obj: models.Model | None  # the object, when it exists
    status: int  # 404 or 403
    activity: str
    pseudonym: str = ""
    # Set when the actor is a leaver whose ended membership (organisation, role) would have let them in.
    leaver_organisation_id: int | None = None
    leaver_role: str = ""


_pending: ContextVar[list[Refusal] | None] = ContextVar("refused_attempts", default=None)


def record_refusal(
    user: AbstractBaseUser | AnonymousUser,
    *,
    model: type[models.Model],
    key: int | str,
    obj: models.Model | None,
    status: int,
    activity: str,
    pseudonym: str = "",
    leaver: tuple[int | None, str] | None = None,
) -> None:
    """Note that `user` was refused `model` `key` (`obj` if it exists) with `status`; written after the request."""
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        return  # the pages need a login; nobody to name
    refusal = Refusal(
        actor_id=user.pk,
        model=model,
        key=key,
        obj=obj,
        status=status,
        activity=activity,
        pseudonym=pseudonym,
        leaver_organisation_id=leaver[0] if leaver else None,
        leaver_role=leaver[1] if leaver else "",
    )
    pending = _pending.get()
    if pending is None:
        write_refusals([refusal], route="")
    else:
        pending.append(refusal)


def write_refusals(refusals: list[Refusal], *, route: str) -> None:
    """The REFUSED entries (and a leaver's flag), in a transaction of their own."""
    if not refusals:
        return
    from audit.services.flags import flag_leaver_attempt
    from audit.services.sealing import seal_pending

    with transaction.atomic():
        for refusal in refusals:
            entry = _write_entry(refusal, route)
            if refusal.leaver_organisation_id is not None:
                seal_pending()  # inside a service's transaction: the flag names the entry's id
                flag_leaver_attempt(refusal=refusal, route=route, entry_id=entry.pk)


def _write_entry(refusal: Refusal, route: str) -> Any:
    from audit.models import AuditEntry, AuditReason
    from audit.services.trace import current_trace_id

    key = refusal.key
    if refusal.obj is None:
        reason = AuditReason.NOT_FOUND
    else:
        reason = AuditReason.ACTION_REFUSED if refusal.status == 403 else AuditReason.NOT_VISIBLE
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(refusal.model),
        object_pk=str(key)[:_MAX_KEY_LENGTH],
        object_id=key if isinstance(key, int) and 0 <= key <= _MAX_ID else None,
        # The object's own name for the trail (a reference or pseudonym, never a name).
        object_repr=str(refusal.obj) if refusal.obj is not None else "",
        action=AuditEntry.Action.REFUSED,
        actor_id=refusal.actor_id,
        cid=current_trace_id(),
        processing_activity=refusal.activity,
        reason=reason.format(route=route or "-"),
        pseudonym=refusal.pseudonym,
        organisation_id=refusal.leaver_organisation_id,
        role=refusal.leaver_role,
    )


class RefusedAttemptMiddleware:
    """Writes the refusals the access helpers noted, once the view has answered (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        pending: list[Refusal] = []
        token = _pending.set(pending)
        try:
            response = self.get_response(request)
        finally:
            _pending.reset(token)
        match = getattr(request, "resolver_match", None)
        write_refusals(pending, route=match.view_name if match else "")
        return response
