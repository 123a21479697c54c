# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from policies.roles import RECEIVING_ROLES, REFERRING_ROLES, ROLE_ACTIONS, Role, roles_allowing


def test_every_role_of_the_design_has_its_actions_written_down():
    assert set(ROLE_ACTIONS) == set(Role.values)


def test_case_content_roles_and_oversight_roles_do_not_mix():
    oversight = {Role.PRIVACY_OFFICER, Role.PROGRAMME, Role.ADMIN, Role.SIGNALLER}
    case_actions = {"open_case", "send", "accept", "record_first_contact", "close", "manage_plan"}
    for role in oversight:
        assert not ROLE_ACTIONS[role] & case_actions, role


def test_derived_role_sets():
    assert REFERRING_ROLES == {Role.REFERRER, Role.REGISSEUR}
    assert RECEIVING_ROLES == {Role.INTAKE, Role.COORDINATOR}
    assert roles_allowing("assign") == {Role.COORDINATOR}
    assert roles_allowing("stop") == {Role.PRIVACY_OFFICER}
