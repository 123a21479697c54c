"""Object permissions (django-guardian) that follow a referral through its life."""

from guardian.shortcuts import assign_perm, remove_perm

from referrals.models import ReferralUserObjectPermission

RECEIVE = "referrals.receive_referral"
HANDLE = "referrals.handle_referral"


def grant_receiving_organisation(referral) -> None:
    assign_perm(RECEIVE, referral.to_organisation.group, referral)


def grant_assignee(referral, user) -> None:
    assign_perm(HANDLE, user, referral)


def revoke_assignee(referral, user) -> None:
    if user is not None:
        remove_perm(HANDLE, user, referral)


def revoke_all(referral) -> None:
    """The referral ended: the receiving side loses access at once."""
    remove_perm(RECEIVE, referral.to_organisation.group, referral)
    # Delete one by one so the audit trail records each revocation.
    for grant in ReferralUserObjectPermission.objects.filter(content_object=referral):
        grant.delete()


def revoke_organisation(referral) -> None:
    remove_perm(RECEIVE, referral.to_organisation.group, referral)
