# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Object permissions (django-guardian's tables) that follow a referral through its life.

Granting writes the row itself rather than through guardian's `assign_perm`, which looks up
the group, the permission and the content type and inserts in a savepoint: seven round trips
for one row on every send and accept. Here it is two (is it there? insert), with the same
row and the same audit entry (the model's save, which django-auditlog records). Two grants of
the same row cannot race: every caller holds the referral's row lock (referrals.services.referrals).
Reading goes through guardian as before (policies and the list filters).
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Permission, User
from django.db.models.signals import post_migrate
from guardian.shortcuts import remove_perm

from referrals.models import Referral, ReferralGroupObjectPermission, ReferralUserObjectPermission

RECEIVE = "referrals.receive_referral"
HANDLE = "referrals.handle_referral"

# Permission rows are made by migrations and never change while the process runs; a flush (the
# tests) makes them again with other ids, hence forgotten on post_migrate. Kept with their
# content types, which the grant's save checks; its text (the audit entry's object_repr) names
# the codename.
_permissions: dict[str, Permission] = {}


def _permission(name: str) -> Permission:
    if name not in _permissions:
        app_label, codename = name.split(".")
        _permissions[name] = Permission.objects.select_related("content_type").get(
            content_type__app_label=app_label, codename=codename
        )
    return _permissions[name]


def _forget_permissions(**kwargs: object) -> None:
    _permissions.clear()


post_migrate.connect(_forget_permissions, dispatch_uid="referrals.grants.forget_permissions")


def grant_receiving_organisation(referral: Referral) -> None:
    group = referral.to_organisation.group
    permission = _permission(RECEIVE)
    if not ReferralGroupObjectPermission.objects.filter(
        group=group, permission=permission, content_object=referral
    ).exists():
        ReferralGroupObjectPermission.objects.create(group=group, permission=permission, content_object=referral)


def grant_assignee(referral: Referral, user: User) -> None:
    permission = _permission(HANDLE)
    if not ReferralUserObjectPermission.objects.filter(
        user=user, permission=permission, content_object=referral
    ).exists():
        ReferralUserObjectPermission.objects.create(user=user, permission=permission, content_object=referral)


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
