# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who sees which referrals, and which fields of them."""

import pytest
from django.http import Http404
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import forget_actor
from policies.referrals import ALL_FIELDS, METADATA_FIELDS
from referrals import services
from referrals.selectors import access
from referrals.selectors.cases import visible_cases
from referrals.selectors.referrals import visible_referrals
from tests.policies.helpers import visible_fields


@pytest.fixture
def sent(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    return draft


def test_a_partner_that_was_never_involved_sees_nothing_and_gets_404(world, sent):
    bas = world.people.bas
    assert not visible_referrals(bas).exists()
    assert not visible_cases(bas).exists()
    assert visible_fields(bas, sent) == frozenset()
    with pytest.raises(Http404):
        access.referral_for(bas, sent.pk)
    with pytest.raises(Http404):
        access.case_for(bas, sent.case.pk)


@pytest.mark.parametrize("persona", ["priya", "bea"])
def test_privacy_officer_and_administrator_never_see_case_content(world, sent, persona):
    user = getattr(world.people, persona)
    assert not visible_referrals(user).exists()
    with pytest.raises(Http404):
        access.referral_for(user, sent.pk)
    with pytest.raises(Http404):
        access.case_for(user, sent.case.pk)


def test_a_receiving_partner_sees_only_metadata_until_it_accepts(world, sent):
    kees = world.people.kees
    fields = visible_fields(kees, sent)
    assert fields == METADATA_FIELDS
    assert {"contact", "resident_name", "summary"}.isdisjoint(fields)
    assert {"categories", "urgency", "wijk", "age_band"} <= fields

    services.referral_accept(referral=sent, actor=kees)
    sent.refresh_from_db()
    assert visible_fields(kees, sent) == ALL_FIELDS


def test_a_colleague_who_is_not_the_assignee_keeps_seeing_metadata_only(world, sent):
    services.referral_accept(referral=sent, actor=world.people.kees)
    sent.refresh_from_db()
    assert visible_fields(world.people.kees2, sent) == METADATA_FIELDS
    assert visible_fields(world.people.marieke, sent) == ALL_FIELDS  # the coordinator


def test_the_sender_and_the_regisseur_see_everything(world, sent):
    assert visible_fields(world.people.fatima, sent) == ALL_FIELDS
    assert access.case_for(world.people.fatima, sent.case.pk) == sent.case


def test_a_declined_referral_disappears_from_the_receivers_view(world, sent):
    services.referral_decline(referral=sent, actor=world.people.kees, reason="not_target_group", note="Te jong.")
    assert not visible_referrals(world.people.kees).filter(pk=sent.pk).exists()
    assert visible_referrals(world.people.fatima).filter(pk=sent.pk).exists()


def test_case_workers_never_hold_model_wide_permissions(world, sent):
    services.referral_accept(referral=sent, actor=world.people.kees)
    for persona in ["fatima", "kees", "marieke", "anouk"]:
        user = getattr(world.people, persona)
        assert not user.has_perm("referrals.receive_referral")
        assert not user.has_perm("referrals.handle_referral")
        assert not user.has_perm("referrals.view_referral")
    kees = type(world.people.kees).objects.get(pk=world.people.kees.pk)  # fresh permission cache
    assert kees.has_perm("referrals.handle_referral", sent)
    assert kees.has_perm("referrals.receive_referral", sent)  # through the Kredietbank's group


def test_an_expired_membership_gives_no_access(world, sent):
    Membership.objects.filter(user=world.people.kees).update(
        valid_until=timezone.localdate() - timezone.timedelta(days=1)
    )
    forget_actor(world.people.kees)  # memberships are kept on the user object
    kees = type(world.people.kees).objects.get(pk=world.people.kees.pk)
    assert not visible_referrals(kees).exists()
