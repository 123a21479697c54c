# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The second factor: enrolling an authenticator app and checking its codes (django-otp, TOTP)."""

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
def totp_verify(*, user: AbstractBaseUser, token: str, enrolling: TOTPDevice | None = None) -> TOTPDevice | None:
    """The device that accepts `token` (confirming it when it is being enrolled), or None.

    A device remembers the last code it accepted (against replay), so checking is a write.
    """
    token = token.replace(" ", "")
    if enrolling is not None:
        device = TOTPDevice.objects.select_for_update().get(pk=enrolling.pk, user=user)
        if not device.verify_token(token):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return device
    devices = TOTPDevice.objects.devices_for_user(user).select_for_update()
    return next((d for d in devices if d.verify_token(token)), None)
