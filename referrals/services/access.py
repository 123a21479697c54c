"""Access that ends with time: the assignee's grant after the reopen window."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from referrals.audit import audit_context
from referrals.models import Referral, ReferralUserObjectPermission, State


def access_expire(*, now=None) -> int:
    """Delete `handle_referral` grants on referrals closed before the reopen window. Returns how many."""
    cutoff = (now or timezone.now()) - timezone.timedelta(days=settings.REOPEN_WINDOW_DAYS)
    grants = ReferralUserObjectPermission.objects.filter(
        permission__codename="handle_referral",
        content_object__state=State.CLOSED,
        content_object__closed_at__lt=cutoff,
    ).select_related("content_object__case__resident", "content_object__to_organisation")
    revoked = 0
    for grant in grants:
        revoked += _revoke(grant.pk, grant.content_object)
    return revoked


@transaction.atomic
def _revoke(grant_pk: int, referral: Referral) -> int:
    # Lock the referral: a reopen in the same moment either happens first (the
    # referral is no longer closed, the grant stays) or waits for this one.
    locked = Referral.objects.select_for_update().filter(pk=referral.pk, state=State.CLOSED).first()
    if locked is None:
        return 0
    grant = ReferralUserObjectPermission.objects.filter(pk=grant_pk).first()
    if grant is None:
        return 0
    with audit_context(activity="referral", organisation=referral.to_organisation,
                       reason=f"heropentermijn van {settings.REOPEN_WINDOW_DAYS} dagen verstreken"):
        grant.delete()  # one row at a time so the audit trail records the revocation
    return 1
