# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who keeps the directory: a partner's coordinator keeps that partner's own services."""

from policies.actor import Actor
from policies.roles import roles_allowing


def may_edit_services(actor: Actor, organisation_id: int) -> bool:
    return bool(actor.roles_in(organisation_id) & roles_allowing("edit_services"))
