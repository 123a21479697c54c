# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Shared steps of the privacy tests: a referral taken all the way, keys for rotation."""

import base64
import os

from django.utils import timezone

from referrals import services


def new_key(key_id: str) -> str:
    return f"{key_id}:{base64.urlsafe_b64encode(os.urandom(32)).decode()}"


def accepted(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    services.referral_accept(referral=draft, actor=world.people.kees)
    draft.refresh_from_db()
    return draft


def closed(world, draft, note="Regeling met schuldeisers getroffen."):
    accepted(world, draft)
    services.referral_record_first_contact(
        referral=draft, actor=world.people.kees, on=timezone.localdate(), way="phone"
    )
    services.referral_close(referral=draft, actor=world.people.kees, outcome="helped", note=note)
    draft.refresh_from_db()
    return draft
