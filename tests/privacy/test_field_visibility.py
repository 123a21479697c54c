# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A receiving partner sees no contact data before accepting (policies.visibility)."""

from policies.referrals import CONTENT_FIELDS, METADATA_FIELDS
from referrals import services
from tests.policies.helpers import visible_fields
from tests.privacy.helpers import accepted, closed


def test_the_receiving_intake_sees_metadata_only_while_the_referral_is_sent(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    draft.refresh_from_db()
    fields = visible_fields(world.people.kees, draft)
    assert fields == METADATA_FIELDS
    assert not fields & {"resident_name", "contact", "summary", "preferred_language"}


def test_after_accepting_the_assignee_sees_contact_data_and_summary(world, draft):
    accepted(world, draft)
    assert {"resident_name", "contact", "summary"} <= visible_fields(world.people.kees, draft)


def test_a_colleague_who_did_not_accept_still_sees_metadata_only(world, draft):
    accepted(world, draft)
    assert visible_fields(world.people.kees2, draft) == METADATA_FIELDS


def test_the_coordinator_sees_content_once_the_organisation_accepted(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    draft.refresh_from_db()
    assert visible_fields(world.people.marieke, draft) == METADATA_FIELDS
    services.referral_accept(referral=draft, actor=world.people.kees)
    draft.refresh_from_db()
    assert CONTENT_FIELDS <= visible_fields(world.people.marieke, draft)


def test_a_draft_shows_the_receiver_nothing(world, draft):
    assert visible_fields(world.people.kees, draft) == frozenset()


def test_uninvolved_partners_and_privacy_roles_see_no_content(world, draft):
    closed(world, draft)
    for persona in ("anouk", "bas", "priya", "bea"):
        assert not visible_fields(getattr(world.people, persona), draft) & CONTENT_FIELDS, persona


def test_a_declined_referral_loses_the_content_view(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    services.referral_decline(referral=draft, actor=world.people.kees, reason="no_capacity", note="Vol.")
    draft.refresh_from_db()
    assert not visible_fields(world.people.kees, draft) & CONTENT_FIELDS
