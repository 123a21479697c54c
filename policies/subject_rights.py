# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who handles a resident's rights (AVG art. 15–17) in this service.

The resident does not log in: they ask their fixed contact, the regisseur
("één gezin, één plan, één regisseur"), who already sees the whole case.

- Inzage (access) and correctie (rectification): the regisseur of one of the
  resident's cases. The document contains everything held about the resident,
  which only someone who already sees the whole case may read.
- Verwijdering op verzoek (erasure): the regisseur, or the privacy officer
  (privacyfunctionaris) when the resident turns to the municipality directly.
  The privacy officer never sees case content: the erasure page shows them the
  pseudonym and counts only, and erasing needs no decryption.
- Finding the resident when they turn to the municipality directly: the
  privacy officer enters family name and birth year; the service compares the
  keyed hash (nothing is decrypted) and shows only pseudonyms and counts.
  The name travels in a POST body, never in a URL.
- Everyone else gets 404: they do not learn that the resident exists.

Every use of these pages is logged under processing activity "subject_rights".
"""

from typing import Any

from policies.actor import Actor
from policies.roles import Role

ACCESS = "access"
RECTIFY = "rectify"
ERASE = "erase"
KINDS = (ACCESS, RECTIFY, ERASE)

# `is_regisseur`: the actor is the regisseur (policies.cases) of one of the resident's *own*
# cases. Being a household member on someone else's case does not open this resident's other
# cases to that case's regisseur.


def may_see_resident(actor: Actor, resident: Any, *, is_regisseur: bool) -> bool:
    """Whether the rights pages of `resident` exist for `actor` at all (else 404)."""
    return any(may_exercise(actor, resident, kind, is_regisseur=is_regisseur) for kind in KINDS)


def may_exercise(actor: Actor, resident: Any, kind: str, *, is_regisseur: bool) -> bool:
    if kind not in KINDS:
        raise ValueError(f"unknown subject right {kind!r}")
    if not actor.is_authenticated:
        return False
    if kind == ERASE and actor.has_role(Role.PRIVACY_OFFICER):
        return True
    if kind == RECTIFY and resident.erased_at:
        return False
    return is_regisseur


def may_find_residents(actor: Actor) -> bool:
    return actor.has_role(Role.PRIVACY_OFFICER)
