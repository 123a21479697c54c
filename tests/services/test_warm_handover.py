# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The warm invariant: forwarding never leaves a gap."""

import pytest
from django.utils import timezone

from accounts.selectors.actor import actor_for
from policies.referrals import HISTORY_FIELDS, referral_policy
from referrals import services
from referrals.models import Notification, State
from referrals.selectors.referrals import visible_referrals
from referrals.services import ActionRefused


@pytest.fixture
def in_progress(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="walk_in")
    return draft


def forward_to_taalhuis(world, parent):
    return services.referral_forward(
        referral=parent,
        actor=world.people.kees,
        service=world.services.taalmaatje,
        summary="Na de schuldhulp: wil graag Nederlands oefenen.",
        categories=[world.categories.taal],
    )


def test_the_forwarding_partner_stays_responsible_until_the_next_one_accepts(world, in_progress):
    child = forward_to_taalhuis(world, in_progress)
    in_progress.refresh_from_db()
    assert child.state == State.SENT and child.parent == in_progress
    assert in_progress.state == State.IN_PROGRESS
    assert visible_referrals(world.people.kees).filter(pk=in_progress.pk).exists()

    services.referral_accept(referral=child, actor=world.people.anouk)
    in_progress.refresh_from_db()
    assert in_progress.state == State.HANDED_OVER
    assert in_progress.outcome == "handed_over"
    # Handed over: the Taalhuis has it; the Kredietbank keeps only its own part (no resident data).
    assert visible_referrals(world.people.anouk).filter(pk=child.pk).exists()
    assert referral_policy.visible_fields(actor_for(world.people.kees), in_progress) == HISTORY_FIELDS
    assert not {"resident_name", "contact", "summary"} & HISTORY_FIELDS
    assert not visible_referrals(world.people.kees).filter(pk=child.pk).exists()


def test_when_the_next_partner_declines_the_parent_stays_in_progress_and_its_owner_is_told(world, in_progress):
    child = forward_to_taalhuis(world, in_progress)
    services.referral_decline(referral=child, actor=world.people.anouk, reason="no_capacity", note="Wachtlijst.")
    in_progress.refresh_from_db()
    assert in_progress.state == State.IN_PROGRESS
    assert in_progress.assignee == world.people.kees
    told = Notification.objects.filter(recipient=world.people.kees, referral=in_progress)
    assert told.filter(message__contains="blijft bij u in behandeling").exists()
    # No personal data in the message: reference only.
    assert "Sanne" not in told.first().message and "Jansen" not in told.first().message


def test_a_second_forward_waits_for_the_first_answer(world, in_progress):
    forward_to_taalhuis(world, in_progress)
    with pytest.raises(ActionRefused, match="doorverwijzing open"):
        forward_to_taalhuis(world, in_progress)


def test_forward_needs_consent_for_the_next_partner(world, in_progress):
    with pytest.raises(ActionRefused, match="Woej"):
        services.referral_forward(
            referral=in_progress,
            actor=world.people.kees,
            service=world.services.woej,
            summary="Buurtkamer.",
            categories=[world.categories.schulden],
        )
    assert in_progress.children.count() == 0


def test_every_open_referral_has_an_accountable_organisation_and_the_case_one_regisseur(world, in_progress):
    child = forward_to_taalhuis(world, in_progress)
    for referral in [in_progress, child]:
        referral.refresh_from_db()
        assert referral.to_organisation_id is not None
        assert referral.case.regisseur_id == world.people.fatima.pk
