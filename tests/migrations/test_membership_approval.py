"""Memberships that exist when four eyes arrive stay active; going back, pending ones never start to count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import actor_for, forget_actor
from policies.roles import Role

BEFORE = [("accounts", "0001_initial")]
AFTER = [("accounts", "0002_membership_approval")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets)
    state.clear_delayed_apps_cache()
    return state


@pytest.mark.django_db(transaction=True)
def test_existing_memberships_stay_active_and_pending_ones_do_not_survive_going_back(world):
    kees, newcomer = world.people.kees, world.people.bas
    ended_at = timezone.now()
    yesterday = timezone.localdate() - timedelta(days=1)
    Membership.objects.filter(user=kees).update(ended_at=ended_at, valid_until=yesterday)  # Kees left …
    Membership.objects.create(user=kees, organisation=world.orgs.kredietbank, role=Role.INTAKE)  # … and is back
    Membership.objects.create(user=newcomer, organisation=world.orgs.taalhuis, role=Role.INTAKE)  # pending

    try:
        _check_going_back_and_forth(world, kees, newcomer)
    finally:
        # Leave the database as the other tests expect it: every migration applied.
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _check_going_back_and_forth(world, kees, newcomer):
    old = _migrate(BEFORE)
    old_membership = old.apps.get_model("accounts", "Membership")
    # What never counted does not start to count; one row per user, organisation and role.
    assert not old_membership.objects.filter(user_id=newcomer.pk, organisation_id=world.orgs.taalhuis.pk).exists()
    assert old_membership.objects.filter(user_id=kees.pk).count() == 1
    old_membership.objects.create(user_id=newcomer.pk, organisation_id=world.orgs.taalhuis.pk, role=Role.INTAKE)

    _migrate(AFTER)

    # Given before there was a second person to ask: active as they were.
    assert not Membership.objects.pending().exists()
    assert Membership.objects.filter(user=newcomer, organisation=world.orgs.taalhuis).get().confirmed_at is not None
    forget_actor(newcomer)
    assert actor_for(newcomer).roles_in(world.orgs.taalhuis.pk) == {Role.INTAKE}
    assert Membership.objects.active().filter(user=world.people.marieke, role=Role.COORDINATOR).exists()
