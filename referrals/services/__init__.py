# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Writes: one function per use case, each one transaction (see DESIGN: Architecture)."""

from referrals.services.case_closing import case_close, case_reopen
from referrals.services.case_regie import regie_offer, regie_offer_accept, regie_offer_cancel, regie_offer_decline
from referrals.services.cases import (
    case_add_goal,
    case_open,
    case_take_over_regie,
    follow_up_done,
    goal_set_status,
    possible_existing_case,
)
from referrals.services.consent import consent_record, consent_withdraw, consents_expire
from referrals.services.errors import ActionRefused
from referrals.services.household import household_add, household_remove
from referrals.services.referrals import (
    referral_accept,
    referral_assign,
    referral_close,
    referral_close_unreachable,
    referral_create,
    referral_create_and_send,
    referral_decline,
    referral_forward,
    referral_record_attempt,
    referral_record_first_contact,
    referral_record_outcome,
    referral_refer_in_addition,
    referral_reopen,
    referral_send,
    referral_stop,
    referral_withdraw,
)

__all__ = [
    "ActionRefused",
    "case_add_goal",
    "case_close",
    "case_reopen",
    "household_add",
    "household_remove",
    "regie_offer",
    "regie_offer_accept",
    "regie_offer_cancel",
    "regie_offer_decline",
    "case_take_over_regie",
    "follow_up_done",
    "goal_set_status",
    "case_open",
    "consent_record",
    "consent_withdraw",
    "consents_expire",
    "possible_existing_case",
    "referral_accept",
    "referral_assign",
    "referral_close",
    "referral_close_unreachable",
    "referral_create",
    "referral_create_and_send",
    "referral_decline",
    "referral_forward",
    "referral_record_attempt",
    "referral_record_first_contact",
    "referral_record_outcome",
    "referral_refer_in_addition",
    "referral_reopen",
    "referral_send",
    "referral_stop",
    "referral_withdraw",
]
