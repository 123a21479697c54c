# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from referrals.models.cases import Case, CaseEvent, FollowUp, PlanGoal, RegieOffer
from referrals.models.consent import Consent, LegalBasis
from referrals.models.key_checks import KeyCheck
from referrals.models.notices import Notification
from referrals.models.once import OnceToken
from referrals.models.outbox import DigestItem, Email
from referrals.models.referrals import (
    ENDED_STATES,
    OPEN_STATES,
    OWN_PART_OUTCOMES,
    ContactAttempt,
    ContactWay,
    DeclineReason,
    EventName,
    Outcome,
    Referral,
    ReferralEvent,
    ReferralGroupObjectPermission,
    ReferralUserObjectPermission,
    State,
    StopReason,
    Urgency,
)
from referrals.models.residents import Resident
from referrals.models.subject_requests import SubjectRequest

__all__ = [
    "Case",
    "CaseEvent",
    "Consent",
    "ContactAttempt",
    "ContactWay",
    "DeclineReason",
    "DigestItem",
    "Email",
    "ENDED_STATES",
    "EventName",
    "FollowUp",
    "KeyCheck",
    "LegalBasis",
    "Notification",
    "OnceToken",
    "OPEN_STATES",
    "OWN_PART_OUTCOMES",
    "Outcome",
    "PlanGoal",
    "Referral",
    "RegieOffer",
    "ReferralEvent",
    "ReferralGroupObjectPermission",
    "ReferralUserObjectPermission",
    "Resident",
    "State",
    "StopReason",
    "SubjectRequest",
    "Urgency",
]
