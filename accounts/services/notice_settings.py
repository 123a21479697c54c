# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A person's own settings: how they hear about notices by e-mail."""

from __future__ import annotations

from django.contrib.auth.models import User

from accounts.models import NoticeSettings
from audit.services.sealing import audited


@audited()
def notice_settings_update(*, user: User, email: str) -> NoticeSettings:
    """Set `user`'s choice for e-mail about non-urgent notices (NoticeSettings.Email)."""
    if email not in NoticeSettings.Email.values:
        raise ValueError(f"unknown choice {email!r}")
    chosen, _created = NoticeSettings.objects.update_or_create(user=user, defaults={"email": email})
    return chosen


def notice_settings_for(user: User) -> NoticeSettings:
    """`user`'s settings, or the defaults when they never chose (not saved)."""
    return NoticeSettings.objects.filter(user=user).first() or NoticeSettings(user=user)
