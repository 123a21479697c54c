# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Retention: erase the personal data of residents whose cases ended long ago.

The rule is in `policies.retention`; erasure is crypto-shredding
(`subject_rights.resident_erase`). Safe to run daily and twice: an erased
resident is never selected again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from policies.retention import ACTIVE_REFERRAL_STATES, retention_period
from referrals.models import Resident, SubjectRequest
from referrals.services.subject_rights import resident_erase

RETENTION_REASON = "bewaartermijn verstreken"


def residents_due_for_erasure(*, now: datetime | None = None) -> QuerySet[Resident]:
    """Residents not yet erased whose every case has been quiet longer than the retention period."""
    cutoff = (now or timezone.now()) - retention_period()
    still_in_use = Q()
    for path in ("cases", "household_cases"):
        still_in_use |= (
            Q(**{f"{path}__created_at__gt": cutoff})
            | Q(**{f"{path}__closed_at__gt": cutoff})
            | Q(**{f"{path}__referrals__created_at__gt": cutoff})
            | Q(**{f"{path}__referrals__ended_at__gt": cutoff})
            | Q(**{f"{path}__referrals__state__in": ACTIVE_REFERRAL_STATES})
        )
    in_use = Resident.objects.filter(still_in_use).values("pk")
    # A signal's resident row (signals/) has no case; the signal's own retention rule erases it.
    return (
        Resident.objects.filter(erased_at__isnull=True, created_at__lte=cutoff, signals__isnull=True)
        .exclude(pk__in=in_use)
        .order_by("pk")
    )


def retention_erase_expired(*, now: datetime | None = None, progress: Callable[[str], None] | None = None) -> int:
    """Erase every resident due; each in its own transaction. Returns how many were erased."""
    erased = 0
    for pk in list(residents_due_for_erasure(now=now).values_list("pk", flat=True)):
        resident = Resident.objects.get(pk=pk)
        if resident_erase(resident=resident, reason=RETENTION_REASON, kind=SubjectRequest.Kind.RETENTION):
            erased += 1
            if progress:
                progress(resident.pseudonym)
    return erased
