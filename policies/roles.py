# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Roles are data (a Membership carries one); permissions are derived here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REFERRER = "referrer", _("Verwijzer")
    INTAKE = "intake", _("Intakemedewerker")
    COORDINATOR = "coordinator", _("Coördinator")
    REGISSEUR = "regisseur", _("Regisseur")
    SIGNALLER = "signaller", _("Signaleerder")
    PRIVACY_OFFICER = "privacy_officer", _("Privacyfunctionaris")
    PROGRAMME = "programme", _("Programmamanager")
    ADMIN = "admin", _("Functioneel beheerder")


# Who may do what (wie mag wat). The role is necessary, not sufficient: the
# user must also work at the right organisation of the referral (sender or
# receiver), be its assignee where that is asked, and the referral must be in
# a state that allows it (see policies.referrals).
_HANDLING = {
    "inbox",
    "accept",
    "decline",
    "record_first_contact",
    "record_attempt",
    "close_unreachable",
    "forward",
    "refer_in_addition",
    "close",
    "record_outcome",
    "reopen",
}
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.REFERRER: frozenset({"open_case", "record_consent", "send", "edit_draft", "withdraw", "follow"}),
    Role.REGISSEUR: frozenset(
        {"open_case", "record_consent", "send", "edit_draft", "withdraw", "follow", "manage_plan"}
    ),
    Role.INTAKE: frozenset(_HANDLING),
    Role.COORDINATOR: frozenset(_HANDLING | {"assign", "edit_services"}),
    Role.SIGNALLER: frozenset({"signal"}),
    Role.PRIVACY_OFFICER: frozenset({"audit", "stop", "processing_register", "subject_rights"}),
    Role.PROGRAMME: frozenset({"reports"}),
    Role.ADMIN: frozenset({"administer_partners", "administer_users"}),
}


def roles_allowing(action: str) -> set[str]:
    return {role for role, actions in ROLE_ACTIONS.items() if action in actions}


# Roles that work with cases and may send referrals from their organisation.
# A regisseur is usually also the referrer who opened the case.
REFERRING_ROLES = roles_allowing("send")

# Roles that receive referrals in their organisation's inbox.
RECEIVING_ROLES = roles_allowing("inbox")

# Roles that never see case content, whatever else they may do.
NO_CASE_CONTENT_ROLES = {Role.PRIVACY_OFFICER, Role.PROGRAMME, Role.ADMIN, Role.SIGNALLER}
