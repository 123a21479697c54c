# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who is involved in a referral or case, and how to reach them at work.

Work contact details are staff data: anyone who may open the referral or case page sees the
professionals involved (name, organisation, work phone and e-mail), never more than that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.models import WorkContact
from referrals.models import OPEN_STATES, Case, Referral


@dataclass(frozen=True)
class Contact:
    role: str
    name: str
    organisation: str
    phone: str
    email: str


def _people(wanted: list[tuple[Any, int | None, object]]) -> list[Contact]:
    """(role label, user id, organisation) → contacts."""
    ids = {user_id for _, user_id, _ in wanted if user_id}
    # One query: the users with their work phone (absent for who never entered one).
    users = get_user_model().objects.select_related("work_contact").in_bulk(ids)
    contacts, seen = [], set()
    for role, user_id, organisation in wanted:
        if not user_id or (user_id, role) in seen or user_id not in users:
            continue
        seen.add((user_id, role))
        user = users[user_id]
        contacts.append(
            Contact(
                role=str(role),
                name=user.get_full_name() or user.get_username(),
                organisation=str(organisation),
                phone=_phone(user),
                email=user.email,
            )
        )
    return contacts


def _phone(user: Any) -> str:
    contact: WorkContact | None = getattr(user, "work_contact", None)
    return contact.phone if contact else ""


def referral_contacts(referral: Referral) -> list[Contact]:
    case = referral.case
    return _people(
        [
            (_("verwijzer"), referral.from_user_id, referral.from_organisation),
            (_("regisseur"), case.regisseur_id, case.regisseur_organisation),
            (_("contactpersoon bij de ontvanger"), referral.assignee_id, referral.to_organisation),
        ]
    )


def case_contacts(case: Case) -> list[Contact]:
    wanted: list[tuple[Any, int | None, object]] = [(_("regisseur"), case.regisseur_id, case.regisseur_organisation)]
    for referral in case.referrals.filter(state__in=OPEN_STATES).select_related("to_organisation", "from_organisation"):
        wanted.append((_("verwijzer"), referral.from_user_id, referral.from_organisation))
        wanted.append((_("contactpersoon bij de ontvanger"), referral.assignee_id, referral.to_organisation))
    return _people(wanted)


def regisseur_contact(case: Case) -> Contact | None:
    found = _people([(_("regisseur"), case.regisseur_id, case.regisseur_organisation)])
    return found[0] if found else None
