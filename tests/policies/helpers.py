# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The policies asked about a user, as the pages and services ask them."""

from accounts.selectors.actor import actor_for
from policies.referrals import referral_policy


def visible_fields(user, referral) -> frozenset[str]:
    return referral_policy.visible_fields(actor_for(user), referral)


def has_object_perm(user, codename: str, referral) -> bool:
    return codename in actor_for(user).grants_on(referral.pk)
