# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The second factor: the authenticator app being set up, and checking its codes (django-otp, TOTP)."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.services.sealing import audited


@audited()
def totp_enrolment_start(*, user: AbstractBaseUser, device_pk: int | None) -> TOTPDevice:
    """The unconfirmed device being enrolled (the one shown before, or a new one)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, pk=device_pk).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


@audited()
def totp_verify(*, user: AbstractBaseUser, token: str) -> TOTPDevice | None:
    """The confirmed device that accepts `token`, or None. Setting one up goes through an
    enrolment link (accounts.services.enrolment.enrol_with_totp).

    A device remembers the last code it accepted (against replay), so checking is a write.
    """
    devices = TOTPDevice.objects.devices_for_user(user).select_for_update()
    token = token.replace(" ", "")
    return next((d for d in devices if d.verify_token(token)), None)
