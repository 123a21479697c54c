# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Erasing signals: those that did not become a case after the retention period, and at once those that did.

The rule is in policies.retention. Erasure is the resident's own crypto-shredding
(referrals.services.subject_rights.resident_erase: data key destroyed, erasure journal line),
applied to the signal's resident row; then the signal's (already unreadable) ciphertext is blanked.
Run by `manage.py erase_expired`; safe to run twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from audit.services.sealing import audited
from audit.services.trail import audit_context
from policies.retention import signal_retention_period
from policies.signals import SignalStatus
from referrals.models import SubjectRequest
from referrals.services.subject_rights import resident_erase
from signals.models import Signal, SignalAddition

RETENTION_REASON = "bewaartermijn signaal verstreken"


def signals_due_for_erasure(*, now: datetime | None = None) -> QuerySet[Signal]:
    """Not yet erased, and either turned into a case or quiet for longer than the retention period."""
    cutoff = (now or timezone.now()) - signal_retention_period()
    return Signal.objects.filter(erased_at__isnull=True).filter(
        Q(status=SignalStatus.CASE_OPENED) | Q(last_activity_at__lte=cutoff)
    )


def signal_erase(*, signal: Signal, reason: str) -> bool:
    """Shred the signal's data key (its resident row), then blank its ciphertext. False if it was erased already."""
    signal = Signal.objects.select_related("resident").get(pk=signal.pk)
    if signal.erased_at is not None:
        return False
    resident_erase(resident=signal.resident, reason=reason, kind=SubjectRequest.Kind.RETENTION)
    return _signal_blank(signal=signal, reason=reason)


@audited()
def _signal_blank(*, signal: Signal, reason: str) -> bool:
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.erased_at is not None:
        return False
    with audit_context(activity="signals", reason=reason):
        for addition in SignalAddition.objects.filter(signal=signal).exclude(text_ciphertext=""):
            addition.text_ciphertext = ""
            addition.save(update_fields=["text_ciphertext"])
        signal.concern_ciphertext = ""
        signal.erased_at = timezone.now()
        signal.save(update_fields=["concern_ciphertext", "erased_at"])
    return True


def signals_erase_expired(*, now: datetime | None = None, progress: Callable[[str], None] | None = None) -> int:
    erased = 0
    for signal in list(signals_due_for_erasure(now=now).order_by("pk")):
        if signal_erase(signal=signal, reason=RETENTION_REASON):
            erased += 1
            if progress:
                progress(signal.reference)
    return erased
