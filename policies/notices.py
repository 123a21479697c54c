# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Which notices are e-mailed at once, which wait for the daily digest, which are not e-mailed.

Urgent ones go at once whatever the person chose: an urgent referral (answer within 24–48 hours)
and an escalation (a deadline passed) cannot wait for tomorrow's digest, and "no e-mail" must not
let a resident in urgent need fall through the cracks. For the others the person chooses in their
settings: at once, one digest a day (the default), or none.
"""

from __future__ import annotations

from enum import Enum

# Notification.Kind values that are urgent on any referral.
URGENT_KINDS = frozenset({"escalated"})
URGENT_REFERRAL = "urgent"  # Referral.Urgency.URGENT


class Delivery(Enum):
    NOW = "now"
    DIGEST = "digest"
    NONE = "none"


def is_urgent(kind: str, urgency: str | None) -> bool:
    """A notice about an urgent referral, or an escalation."""
    return kind in URGENT_KINDS or urgency == URGENT_REFERRAL


def delivery(kind: str, urgency: str | None, choice: str) -> Delivery:
    """How a notice of `kind` about a referral of `urgency` (None: no referral) reaches a person
    whose setting is `choice` (accounts.NoticeSettings.Email)."""
    if is_urgent(kind, urgency) or choice == "immediately":
        return Delivery.NOW
    return Delivery.DIGEST if choice == "daily" else Delivery.NONE
