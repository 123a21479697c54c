# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Key checks: is the master key configured under an id the one that id has always meant?

A master key with the right id but other bytes opens no old data key (old cases
fail), and, worse, would wrap every new resident's data key so that it is lost
once the right key is back. So each key id has a key check value in the
database (crypto.key_check_value: an HMAC of a fixed label, never the key), and
no data key is wrapped by a key whose value differs.

When is a key id's value recorded? Only when the key is proven to be the right
one, or when nothing depends on it yet:
- at its first wrap, when no data key under that id exists (a new key id: its
  first use fixes its bytes), or
- when the configured key opens the oldest data key under that id (an
  installation from before key checks). The oldest decides, like the first wrap
  does for a new id: data keys wrapped during a wrong-key period are newer.
A key that does not open it is refused and nothing is recorded.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import timezone

from referrals.models import crypto

logger = logging.getLogger(__name__)


class KeyCheckFailed(ImproperlyConfigured):
    """The configured master key is not the one its id stands for (or is refused in production)."""


class KeyCheck(models.Model):
    key_id = models.CharField(max_length=32, unique=True, editable=False)
    check_value = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "key check"

    def __str__(self) -> str:
        return self.key_id


def mismatch_message(key_id: str) -> str:
    return (
        f"master key {key_id!r} in FIELD_ENCRYPTION_KEYS is not the key recorded for that id: "
        "its bytes differ (a wrong or mistyped key). Restore the right key; see README, Keys."
    )


def production_refusal(master: crypto.MasterKey) -> str | None:
    """In production mode the published development key is refused, under any id."""
    development = crypto.parse_keyring(settings.DEVELOPMENT_SECRETS["FIELD_ENCRYPTION_KEYS"])
    if settings.PRODUCTION and any(hmac.compare_digest(master.key, dev.key) for dev in development):
        return (
            f"master key {master.key_id!r} in FIELD_ENCRYPTION_KEYS is the development key, which is "
            "published with the source code; generate a key of your own (see README, Keys)."
        )
    return None


def _opens_the_oldest_data_key(master: crypto.MasterKey) -> bool | None:
    """Whether the key opens the oldest data key under its id; None when there is none."""
    # residents.py imports this module (Resident.data_key wraps through wrapping_key).
    from referrals.models.residents import Resident

    oldest = (
        Resident.objects.filter(wrapped_data_key__startswith=f"{master.key_id}:")
        .order_by("pk")
        .values_list("uid", "wrapped_data_key")
        .first()
    )
    if oldest is None:
        return None
    uid, wrapped = oldest
    try:
        crypto.unwrap_data_key(wrapped, str(uid), masters=[master])
    except crypto.DecryptionError:
        return False
    return True


def verify(master: crypto.MasterKey, *, first_use: bool = False) -> str | None:
    """None when `master` is the key its id stands for, else why not (no secret in the text).

    Records the key's check value when it is proven right, or - with `first_use`,
    i.e. about to wrap - when no data key depends on its id yet.
    """
    value = crypto.key_check_value(master)
    recorded = KeyCheck.objects.filter(key_id=master.key_id).values_list("check_value", flat=True).first()
    if recorded is None:
        proven = _opens_the_oldest_data_key(master)
        if proven is False:
            return mismatch_message(master.key_id)
        if proven is None and not first_use:
            return None  # nothing wrapped under this id yet: nothing to compare, nothing to fix
        # Two processes may record at once; the one that loses compares with the winner's value.
        row, created = KeyCheck.objects.get_or_create(key_id=master.key_id, defaults={"check_value": value})
        if created:
            logger.info("keys: key check recorded for master key %r", master.key_id)
        recorded = row.check_value
    if not hmac.compare_digest(recorded, value):
        return mismatch_message(master.key_id)
    return None


def wrapping_key() -> crypto.MasterKey:
    """The current master key, checked: the only way to get a key that wraps a data key."""
    master = crypto.current_master_key()
    problem = production_refusal(master) or verify(master, first_use=True)
    if problem:
        raise KeyCheckFailed(problem)
    return master


def own_data_key(owner: Any) -> bytes:
    """The data key of `owner` (a row with `uid` and `wrapped_data_key`: a resident, an events
    subscription): made and wrapped by the checked master key on first use, unwrapped after, and
    kept on the object while it lives."""
    cached = getattr(owner, "_data_key", None)
    if cached is None:
        if not owner.wrapped_data_key:
            cached = crypto.new_data_key()
            owner.wrapped_data_key = crypto.wrap_data_key(cached, str(owner.uid), wrapping_key())
        else:
            cached = crypto.unwrap_data_key(owner.wrapped_data_key, str(owner.uid))
        owner._data_key = cached
    return cached
