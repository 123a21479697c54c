# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Second-factor enrolment through a one-time link: issuing it, resetting a lost factor, using it.

The person a link is for opens it, logs in with their password and then sets up an
authenticator app (TOTP) or a passkey (WebAuthn); the link is claimed in the same transaction
that confirms the new device, so one link gives one device, and a failed attempt leaves the
link as it was. Every step writes the audit trail (the link is followed by auditlog, see
accounts.apps; its token hash is masked).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from django.contrib.auth.models import User
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import EnrolmentLink
from accounts.models.enrolment import token_hash
from accounts.selectors.enrolment import has_second_factor, may_issue_for
from audit.models import AuditReason
from audit.services.sealing import audited
from audit.services.trail import audit_context
from policies.enrolment import LINK_VALID_HOURS
from referrals.services.errors import ActionRefused

D = TypeVar("D", bound=Device)


@audited()
def enrolment_link_issue(*, person: User, by: User) -> tuple[EnrolmentLink, str]:
    """A link for someone without a second factor; returns it with its token, which is shown once."""
    if not may_issue_for(by, person):
        raise Http404
    if has_second_factor(person):
        raise ActionRefused(_("Deze persoon heeft al een tweede stap. Stel die opnieuw in als het apparaat kwijt is."))
    return _issue(person=person, by=by, reason=AuditReason.ENROLMENT_LINK_ISSUED)


@audited()
def second_factor_reset(*, person: User, by: User) -> tuple[EnrolmentLink, str]:
    """A lost phone: every device of the person goes (they stop working at once) and a new link is issued."""
    if not may_issue_for(by, person):
        raise Http404
    with audit_context(activity="administration", reason=AuditReason.SECOND_FACTOR_RESET, actor=by):
        for device in devices_for_user(person, confirmed=None):
            device.delete()
    return _issue(person=person, by=by, reason=AuditReason.SECOND_FACTOR_RESET)


@audited()
def enrolment_link_from_server(*, person: User, reset: bool = False) -> tuple[EnrolmentLink, str]:
    """The operator on the server (manage.py enrolment_link): the first administrator's link, which
    nobody in the application can issue, or anyone's when no administrator can be reached."""
    if reset:
        with audit_context(activity="administration", reason=AuditReason.SECOND_FACTOR_RESET):
            for device in devices_for_user(person, confirmed=None):
                device.delete()
    elif has_second_factor(person):
        raise ActionRefused(_("Deze persoon heeft al een tweede stap. Stel die opnieuw in als het apparaat kwijt is."))
    return _issue(
        person=person, by=None, reason=AuditReason.SECOND_FACTOR_RESET if reset else AuditReason.ENROLMENT_LINK_ISSUED
    )


def _issue(*, person: User, by: User | None, reason: str) -> tuple[EnrolmentLink, str]:
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with audit_context(activity="administration", reason=reason, actor=by):
        # Only the newest link counts: one handed over earlier and not used is worthless now.
        for earlier in EnrolmentLink.objects.usable().filter(user=person).select_for_update():
            earlier.revoked_at = now
            earlier.save(update_fields=["revoked_at"])
        link = EnrolmentLink.objects.create(
            user=person,
            token_hash=token_hash(token),
            created_at=now,
            created_by=by,
            expires_at=now + timedelta(hours=LINK_VALID_HOURS),
        )
    return link, token


def _usable_link(*, link_id: int | None, user: User) -> EnrolmentLink:
    """The user's link, locked for this transaction: two browsers using it at once queue here."""
    link = None if link_id is None else EnrolmentLink.objects.select_for_update().filter(pk=link_id, user=user).first()
    if link is None or not link.is_usable:
        raise ActionRefused(
            _("Deze koppellink is niet (meer) geldig. Vraag uw coördinator of beheerder om een nieuwe.")
        )
    return link


def _claim(*, link_id: int | None, user: User) -> EnrolmentLink:
    """Mark the link used, inside the caller's transaction (so a failure after it gives it back)."""
    link = _usable_link(link_id=link_id, user=user)
    with audit_context(activity="administration", reason=AuditReason.ENROLMENT_LINK_USED, actor=user):
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
    return link


@audited()
def enrol_with_totp(*, user: User, link_id: int | None, device_pk: int | None, token: str) -> TOTPDevice | None:
    """Confirm the authenticator app being set up when `token` is its current code; None when it is not.

    A wrong code leaves the link unused (the device's throttling still counts the failure); a
    link used meanwhile (in another browser) is refused before the code is looked at.
    """
    _usable_link(link_id=link_id, user=user)
    device = TOTPDevice.objects.select_for_update().filter(pk=device_pk, user=user, confirmed=False).first()
    if device is None or not device.verify_token(token.replace(" ", "")):
        return None
    _claim(link_id=link_id, user=user)
    with audit_context(activity="administration", reason=AuditReason.ENROLMENT_LINK_USED, actor=user):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return device


@audited()
def enrol_with_passkey(*, user: User, link_id: int | None, register: Callable[[], D]) -> D:
    """Claim the link, then let the WebAuthn library check and store the new passkey (`register`).

    When `register` refuses the browser's answer, the whole transaction — the claim too — is undone.
    """
    _claim(link_id=link_id, user=user)
    with audit_context(activity="administration", reason=AuditReason.ENROLMENT_LINK_USED, actor=user):
        return register()


@audited()
def passkey_add(*, user: User, register: Callable[[], D]) -> D:
    """A person who logged in with their second factor adds a passkey (the view checks that)."""
    with audit_context(activity="administration", reason=AuditReason.PASSKEY_ADDED, actor=user):
        return register()
