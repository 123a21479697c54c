# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Rotating the master key: every data key re-wrapped with the current (first) master key — the
residents' and the events subscriptions' (whose signing secret is sealed the same way).

Values themselves are not re-encrypted: the data keys stay the same, only their wrapping
changes. Each row is re-wrapped in its own short transaction with a row lock, so the
service keeps running while it happens.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Model, QuerySet

from audit.services.sealing import audited
from referrals.models import Resident, crypto
from referrals.models.key_checks import wrapping_key


def _keyed() -> list[type[Model]]:
    """The models with a data key of their own (`uid`, `wrapped_data_key`)."""
    from events.models import Subscription

    return [Resident, Subscription]


def stale_data_keys(model: type[Model] = Resident) -> QuerySet:
    """Rows of `model` whose data key is wrapped by an older master key than the current one."""
    current = crypto.current_master_key().key_id
    return model._default_manager.exclude(wrapped_data_key="").exclude(wrapped_data_key__startswith=f"{current}:")


def stale_data_key_count() -> int:
    return sum(stale_data_keys(model).count() for model in _keyed())


def master_key_rotate(*, batch_size: int = 500, progress: Callable[[int], None] | None = None) -> tuple[int, int]:
    """Re-wrap every stale data key; returns (re-wrapped, left). Safe to run twice or to interrupt."""
    # Checked once before the first row: a wrong key stops the run before it wraps anything.
    master = wrapping_key()
    done = 0
    for model in _keyed():
        stale = stale_data_keys(model)
        last_pk = 0
        while True:
            batch = list(stale.filter(pk__gt=last_pk).order_by("pk").values_list("pk", flat=True)[:batch_size])
            if not batch:
                break
            for pk in batch:
                done += data_key_rewrap(pk, master=master, model=model)
            last_pk = batch[-1]
            if progress:
                progress(done)
    return done, stale_data_key_count()


@audited()
def data_key_rewrap(pk: int, *, master: crypto.MasterKey | None = None, model: type[Model] = Resident) -> int:
    # The row lock keeps an erasure or a first write of the same resident from
    # interleaving; `update()` on one row skips auditlog on purpose: the key is
    # not personal data and its wrapping is an operational event (stdout).
    rows = model._default_manager.select_for_update().filter(pk=pk)
    row = rows.values("uid", "wrapped_data_key").first()
    if row is None or not row["wrapped_data_key"]:
        return 0
    rewrapped = crypto.rewrap_data_key(row["wrapped_data_key"], str(row["uid"]), master or wrapping_key())
    if rewrapped == row["wrapped_data_key"]:
        return 0
    rows.update(wrapped_data_key=rewrapped)
    return 1
