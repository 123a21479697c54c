# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Signaller accounts, made by a coordinator of a signal desk; their access runs out by itself."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership
from accounts.selectors.actor import actor_for, forget_actor
from audit.models import AuditReason
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Organisation
from policies.roles import Role
from policies.signals import signal_policy, signaller_valid_until
from referrals.services.errors import ActionRefused
from signals.selectors.signals import desk_ids


def default_valid_until() -> date:
    return signaller_valid_until(timezone.localdate(), settings.SIGNALLER_MEMBERSHIP_MONTHS)


@audited()
def signaller_account_create(
    *,
    by: User,
    organisation: Organisation,
    username: str,
    first_name: str,
    email: str,
    password: str,
    valid_until: date | None = None,
) -> Membership:
    """A new account with a signaller membership at the coordinator's signal desk, ending by itself.

    A signaller sees no resident's data, so the membership counts at once (policies.memberships);
    its end date is at most SIGNALLER_MEMBERSHIP_MONTHS away.
    """
    if organisation.pk not in signal_policy.signaller_admin_organisations(actor_for(by), desk_ids()):
        raise ActionRefused(_("Alleen een coördinator van een signaalbalie maakt signaleerders aan."))
    username = username.strip()
    latest = default_valid_until()
    valid_until = valid_until or latest
    if valid_until > latest or valid_until < timezone.localdate():
        raise ActionRefused(
            _("Kies een einddatum vanaf vandaag en uiterlijk %(day)s.") % {"day": latest.strftime("%d-%m-%Y")},
            field="valid_until",
        )
    if not username:
        raise ActionRefused(_("Kies een gebruikersnaam."), field="username")
    user_model = get_user_model()
    if user_model.objects.filter(username__iexact=username).exists():
        raise ActionRefused(_("Deze gebruikersnaam bestaat al."), field="username")
    user = user_model(username=username, first_name=first_name.strip(), email=email.strip())
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages), field="password") from None
    with audit_context(
        actor=by,
        activity="administration",
        organisation=organisation,
        role=Role.COORDINATOR,
        reason=AuditReason.MEMBERSHIP_GRANTED,
    ):
        user.set_password(password)
        user.save()
        now = timezone.now()
        membership = Membership.objects.create(
            user=user,
            organisation=organisation,
            role=Role.SIGNALLER,
            valid_until=valid_until,
            created_by=by,
            created_at=now,
            confirmed_at=now,
            confirmed_by=by,
        )
    forget_actor(user)
    return membership
