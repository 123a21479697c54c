# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who is asking, as far as the rules care: a user and their *active* memberships.

Every permission comes from a membership that is active today (a leaver's ended
membership gives nothing, whatever grants or links are left behind), so the
rules in policies/ take an `Actor` rather than a user. `accounts.selectors.actor_for`
reads the facts once per request; the rules themselves never touch the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from policies.roles import roles_allowing


def _no_grants(referral_id: int) -> frozenset[str]:
    return frozenset()


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    # (organisation id, role) for every membership active today.
    memberships: frozenset[tuple[int, str]] = frozenset()
    # The object permissions (guardian codenames) the user holds on a referral, personally or
    # through an organisation's group; read once per referral and kept for the request.
    grants_on: Callable[[int], frozenset[str]] = field(default=_no_grants, compare=False, repr=False)

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    def roles_in(self, organisation_id: int | None) -> frozenset[str]:
        return frozenset(role for org_id, role in self.memberships if org_id == organisation_id)

    def organisations_with(self, roles: Iterable[str]) -> frozenset[int]:
        wanted = {str(r) for r in roles}
        return frozenset(org_id for org_id, role in self.memberships if role in wanted)

    def has_role(self, role: str) -> bool:
        return any(r == role for _, r in self.memberships)

    def acting_role(self, organisation_id: int | None, action: str) -> str:
        """The role in which this actor does `action` for `organisation_id` ("" if none allows it).

        A coordinator who is also intake acts as coordinator; the audit entry names this role.
        """
        roles = self.roles_in(organisation_id) & roles_allowing(action)
        return sorted(roles)[0] if roles else ""


ANONYMOUS = Actor(user_id=None)
