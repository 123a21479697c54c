# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
import pytest

from referrals import services


@pytest.fixture
def sent(world, draft):
    """Fatima's referral to the Kredietbank's Schuldhulp, sent."""
    return services.referral_send(referral=draft, actor=world.people.fatima)


@pytest.fixture
def accepted(world, sent):
    return services.referral_accept(referral=sent, actor=world.people.kees)


@pytest.fixture
def login(client):
    def as_(user):
        client.force_login(user)
        return client

    return as_
