# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who may make a membership count, and which ones need a second person (vier ogen).

A functional administrator keeps accounts, never case content. Through a membership they
create, an account they made could still reach case content; so a membership in a role that
sees personal data starts as *pending* and gives nothing until a second person confirms it:
- a coordinator of the organisation the membership is for (they know who works there), or
- another functional administrator (four-eyes approval in the admin).
Neither the person who created it nor the person it is for may confirm it. Its creation is
flagged to the privacy officer either way.

Programme managers and signallers never see case content or a resident's data: their
memberships count at once.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from policies.actor import Actor
from policies.roles import Role

# Roles without any way to a resident's data (policies.referrals, policies.cases,
# policies.subject_rights); every other role needs a second person.
CONFIRMATION_FREE_ROLES = frozenset({Role.PROGRAMME, Role.SIGNALLER})

# Whose password only they themselves may set: an administrator who could set it could log in as them.
PROTECTED_ACCOUNT_ROLES = frozenset({Role.PRIVACY_OFFICER, Role.ADMIN})


def needs_confirmation(role: str) -> bool:
    return role not in CONFIRMATION_FREE_ROLES


def confirmation_refusal(actor: Actor, membership: Any, *, is_administrator: bool) -> str | None:
    """None when `actor` may confirm `membership` now, else why not — in plain words.

    `is_administrator`: the actor is a functional administrator (a fact about the account,
    read by accounts.selectors.memberships.is_administrator).
    """
    if not actor.is_authenticated:
        return _("U bent niet ingelogd.")
    if membership.ended_at is not None:
        return _("Dit lidmaatschap is beëindigd.")
    if membership.confirmed_at is not None:
        return _("Dit lidmaatschap is al bevestigd.")
    if actor.user_id == membership.user_id:
        return _("U kunt uw eigen lidmaatschap niet bevestigen.")
    if actor.user_id == membership.created_by_id:
        return _("U heeft dit lidmaatschap zelf aangemaakt; een tweede persoon moet het bevestigen.")
    if Role.COORDINATOR in actor.roles_in(membership.organisation_id) or is_administrator:
        return None
    return _("Alleen een coördinator van %(org)s of een andere beheerder kan dit lidmaatschap bevestigen.") % {
        "org": membership.organisation
    }


def may_set_password(actor: Actor, target_user_id: int, *, target_is_protected: bool) -> bool:
    """An administrator sets passwords, except those of privacy officers and administrators (but their own)."""
    return actor.user_id == target_user_id or not target_is_protected
