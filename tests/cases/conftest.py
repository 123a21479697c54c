# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The regisseur's tools (issue 13, point 6): a case that can be closed, and who is who around it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import forget_actor
from referrals import services
from tests.factories import UserFactory, member


@pytest.fixture
def worked(world, draft):
    """Fatima's case (she is its regisseur) after the Kredietbank helped and closed its referral."""
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=draft, actor=p.kees, outcome="helped", note="")
    draft.case.refresh_from_db()
    return draft.case


@pytest.fixture
def opener(world):
    """A colleague of Fatima at De Waterlelie, the organisation that opened the case."""
    return member(UserFactory(username="wim", first_name="Wim"), world.orgs.waterlelie, "referrer")


@pytest.fixture
def leaver(world):
    """A referrer of De Waterlelie whose membership ended yesterday."""
    user = member(UserFactory(username="lotte", first_name="Lotte"), world.orgs.waterlelie, "referrer")
    leave(user)
    return user


def leave(user):
    Membership.objects.filter(user=user).update(valid_until=timezone.localdate() - timedelta(days=1))
    forget_actor(user)
