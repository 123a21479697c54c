# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Access that ends with time: a closed referral's grants after the reopen window."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from audit.models import AuditReason
from audit.services.sealing import audited
from audit.services.trail import audit_context
from referrals.models import Referral, ReferralGroupObjectPermission, ReferralUserObjectPermission, State
from referrals.services import grants


def access_expire(*, now: datetime | None = None) -> int:
    """Revoke the receiving side's access to referrals closed before the reopen window.

    Until then the assignee and the organisation may reopen (policies.permissions);
    after it the referral has ended for good. Returns how many referrals lost access.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.REOPEN_WINDOW_DAYS)
    still_granted = Q(Exists(ReferralUserObjectPermission.objects.filter(content_object=OuterRef("pk")))) | Q(
        Exists(ReferralGroupObjectPermission.objects.filter(content_object=OuterRef("pk")))
    )
    pks = Referral.objects.filter(still_granted, state=State.CLOSED, closed_at__lt=cutoff).values_list("pk", flat=True)
    return sum(_revoke(pk) for pk in list(pks))


@audited()
def _revoke(pk: int) -> int:
    # Lock the referral: a reopen in the same moment either happens first (the
    # referral is no longer closed, the grants stay) or waits for this one.
    referral = (
        Referral.objects.select_for_update().select_related("to_organisation").filter(pk=pk, state=State.CLOSED).first()
    )
    if referral is None:
        return 0
    with audit_context(
        activity="referral",
        organisation=referral.to_organisation,
        reason=AuditReason.REOPEN_WINDOW_PASSED.format(days=settings.REOPEN_WINDOW_DAYS),
    ):
        grants.revoke_all(referral)  # row by row, so the audit trail records each revocation
    return 1
