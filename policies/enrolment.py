# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who may issue a person's second-factor enrolment link (and so reset their second factor).

The second factor is issued, not grabbed: whoever holds a password alone cannot set up the
authenticator. A functional administrator may issue a link for anyone; a coordinator for the
people of their own organisation — but not for a privacy officer or an administrator, whose
accounts only an administrator keeps (policies.memberships.PROTECTED_ACCOUNT_ROLES). Nobody
issues their own: that would let a stolen session replace the second factor.
"""

from __future__ import annotations

from collections.abc import Iterable

from policies.actor import Actor
from policies.roles import Role

LINK_VALID_HOURS = 72


def may_issue_link(
    actor: Actor,
    *,
    person_id: int,
    person_organisations: Iterable[int],
    person_is_protected: bool,
    is_administrator: bool,
) -> bool:
    """`person_organisations`: where the person has a current (active or pending) membership."""
    if not actor.is_authenticated or actor.user_id == person_id:
        return False
    if is_administrator:
        return True
    if person_is_protected:
        return False
    return bool(actor.organisations_with([Role.COORDINATOR]) & set(person_organisations))
