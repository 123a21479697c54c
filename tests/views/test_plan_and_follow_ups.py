# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The regisseur keeps the plan and marks follow-ups done; nobody else can."""

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from referrals import services
from referrals.models import FollowUp, PlanGoal


@pytest.fixture
def accepted(world, draft):
    draft = services.referral_send(referral=draft, actor=world.people.fatima)
    return services.referral_accept(referral=draft, actor=world.people.kees)


def test_the_regisseur_marks_a_follow_up_done(client, world, accepted):
    follow_up = FollowUp.objects.get(referral=accepted)
    client.force_login(world.people.fatima)
    response = client.post(f"/casussen/{accepted.case_id}/opvolging/{follow_up.pk}/gedaan/")
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.done_on == timezone.localdate()
    # A second click changes nothing and writes no second entry.
    entries = AuditEntry.objects.count()
    client.post(f"/casussen/{accepted.case_id}/opvolging/{follow_up.pk}/gedaan/")
    assert AuditEntry.objects.count() == entries


def test_the_regisseur_changes_a_goal_status(client, world, accepted):
    goal = services.case_add_goal(case=accepted.case, actor=world.people.fatima, text="Schulden in beeld")
    client.force_login(world.people.fatima)
    client.post(f"/casussen/{accepted.case_id}/doel/{goal.pk}/status/", {"status": "achieved"})
    goal.refresh_from_db()
    assert goal.status == PlanGoal.Status.ACHIEVED


@pytest.mark.parametrize("persona,status", [("kees", 404), ("bas", 404), ("priya", 404)])
def test_others_cannot_touch_the_plan_or_follow_ups(client, world, accepted, persona, status):
    follow_up = FollowUp.objects.get(referral=accepted)
    goal = services.case_add_goal(case=accepted.case, actor=world.people.fatima, text="Schulden in beeld")
    client.force_login(getattr(world.people, persona))
    assert client.post(f"/casussen/{accepted.case_id}/opvolging/{follow_up.pk}/gedaan/").status_code == status
    assert (
        client.post(f"/casussen/{accepted.case_id}/doel/{goal.pk}/status/", {"status": "dropped"}).status_code == status
    )
    follow_up.refresh_from_db()
    goal.refresh_from_db()
    assert follow_up.done_on is None and goal.status == PlanGoal.Status.OPEN


def test_a_follow_up_of_another_case_is_not_found(client, world, accepted, case):
    from tests.factories import open_case

    other = open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie, family_name="Smit")
    follow_up = FollowUp.objects.get(referral=accepted)
    client.force_login(world.people.fatima)
    assert client.post(f"/casussen/{other.pk}/opvolging/{follow_up.pk}/gedaan/").status_code == 404
