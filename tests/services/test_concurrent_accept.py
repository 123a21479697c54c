# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Two people accept the same referral at the same moment (real PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection

from policies.roles import Role
from referrals import services
from referrals.models import EventName, ReferralEvent, ReferralUserObjectPermission, State
from referrals.services import ActionRefused
from tests.factories import member


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_users_accepting_at_once_exactly_one_wins(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    member(p.kees2, world.orgs.kredietbank, Role.INTAKE)
    barrier = threading.Barrier(2)
    outcomes = {}

    def accept(user):
        try:
            barrier.wait(timeout=10)
            services.referral_accept(referral=draft, actor=user)
            outcomes[user.username] = "accepted"
        except ActionRefused as refused:
            outcomes[user.username] = refused.message
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(u,)) for u in (p.kees, p.kees2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert sorted(outcomes.values()).count("accepted") == 1, outcomes
    loser_message = next(v for v in outcomes.values() if v != "accepted")
    assert "Aangenomen" in loser_message  # "Dit kan niet meer: de verwijzing is nu ‘Aangenomen’."
    draft.refresh_from_db()
    winner = next(k for k, v in outcomes.items() if v == "accepted")
    assert draft.state == State.ACCEPTED and draft.assignee.username == winner
    # Nothing half-written: one accept event, one assignee grant.
    assert ReferralEvent.objects.filter(referral=draft, name=EventName.ACCEPT).count() == 1
    assert ReferralUserObjectPermission.objects.filter(content_object=draft).count() == 1


def test_a_stale_copy_cannot_overwrite_a_newer_state(world, draft):
    """Without waiting on a lock (SQLite), django-fsm's optimistic check still refuses."""
    services.referral_send(referral=draft, actor=world.people.fatima)
    stale = type(draft).objects.get(pk=draft.pk)
    services.referral_accept(referral=draft, actor=world.people.kees)
    with pytest.raises(ActionRefused):
        services.referral_accept(referral=stale, actor=world.people.marieke)
    draft.refresh_from_db()
    assert draft.assignee == world.people.kees


def test_postgres_tests_run_on_postgres():
    # Guards the CI split: the PostgreSQL run must really be on PostgreSQL.
    import os

    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
