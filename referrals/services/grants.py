# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Object permissions (django-guardian) that follow a referral through its life."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from guardian.shortcuts import assign_perm, remove_perm

from referrals.models import Referral, ReferralUserObjectPermission

RECEIVE = "referrals.receive_referral"
HANDLE = "referrals.handle_referral"


def grant_receiving_organisation(referral: Referral) -> None:
    assign_perm(RECEIVE, referral.to_organisation.group, referral)


def grant_assignee(referral: Referral, user: AbstractBaseUser) -> None:
    assign_perm(HANDLE, user, referral)


def revoke_assignee(referral: Referral, user: AbstractBaseUser | None) -> None:
    if user is not None:
        remove_perm(HANDLE, user, referral)


def revoke_all(referral: Referral) -> None:
    """The referral ended: the receiving side loses access at once."""
    remove_perm(RECEIVE, referral.to_organisation.group, referral)
    # Delete one by one so the audit trail records each revocation.
    for grant in ReferralUserObjectPermission.objects.filter(content_object=referral):
        grant.delete()


def revoke_organisation(referral: Referral) -> None:
    remove_perm(RECEIVE, referral.to_organisation.group, referral)
