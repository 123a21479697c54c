# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Without a (working) read replica everything reads from the primary; on every database.

tests/replica/test_read_replica.py has the standby itself; these hold where there is none (SQLite,
a PostgreSQL without DATABASE_REPLICA_URL) and where the configured one is dead.
"""

import logging
import socket
import uuid

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.utils import load_backend
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from config.db_router import REPLICA, ReplicaRouter
from config.replica import LSN_COOKIE, choose_alias, read_from_replica, reading_from
from programme.models import RollupRun
from referrals.models import Referral
from tests.replica.standby import statements


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def no_replica():
    with override_settings(DATABASE_READ_REPLICA=""):
        yield


@pytest.fixture
def dead_replica():
    """A replica configured on a port where no server listens (its name is new each time)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    alias = f"dead_{uuid.uuid4().hex[:8]}"
    dead = {"ENGINE": "django.db.backends.postgresql", "NAME": "overdracht", "USER": "postgres"}
    dead.update(HOST="127.0.0.1", PORT=port, OPTIONS={"connect_timeout": 2})
    # A connection made here rather than declared in DATABASES (Django's tests allow those).
    settings_dict = connections.configure_settings({DEFAULT_DB_ALIAS: dead})[DEFAULT_DB_ALIAS]
    connections[alias] = load_backend(dead["ENGINE"]).DatabaseWrapper(settings_dict, alias)
    try:
        with override_settings(DATABASE_READ_REPLICA=alias):
            yield alias
    finally:
        connections[alias].close()
        del connections[alias]


@pytest.mark.django_db(transaction=True)
def test_without_a_replica_the_scoped_pages_read_from_the_primary(world, no_replica):
    RollupRun.objects.create(finished_at=timezone.now(), facts=0, milliseconds=1)
    assert choose_alias() == DEFAULT_DB_ALIAS
    with statements(DEFAULT_DB_ALIAS) as on_primary:
        page = _client(world.people.petra).get(reverse("programme:figures"))
    assert page.context["figures"].as_of is not None
    assert any("programme_rolluprun" in sql for sql in on_primary)


@pytest.mark.django_db(transaction=True)
def test_without_a_replica_a_write_costs_no_query_and_sets_no_cookie(world, no_replica):
    kees = _client(world.people.kees)
    kees.get(reverse("inbox"))
    referral_count = Referral.objects.count()
    with statements(DEFAULT_DB_ALIAS) as on_primary:
        answer = kees.post(reverse("logout"))
    assert Referral.objects.count() == referral_count
    assert LSN_COOKIE not in answer.cookies
    assert not [sql for sql in on_primary if "pg_current_wal_lsn" in sql]


@pytest.mark.django_db(transaction=True)
def test_a_dead_replica_does_not_break_the_privacy_officers_page(world, case, dead_replica, caplog):
    priya = _client(world.people.priya)
    pseudonym = case.resident.pseudonym
    with caplog.at_level(logging.WARNING, logger="config.replica"):
        first = priya.get(reverse("privacy:search"), {"pseudoniem": pseudonym})
        second = priya.get(reverse("privacy:search"), {"pseudoniem": pseudonym})
    assert first.status_code == second.status_code == 200
    assert first.context["rows"]  # read from the primary
    warnings = [r.getMessage() for r in caplog.records if r.name == "config.replica"]
    # One failed connection, then the replica is left alone for a while instead of tried on every page.
    assert len(warnings) == 1 and "unreachable" in warnings[0] and dead_replica in warnings[0]
    assert pseudonym not in warnings[0] and "priya" not in warnings[0]
    assert AuditEntry.objects.filter(actor=world.people.priya, processing_activity="audit_review").count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_dead_replica_in_a_scope_reads_from_the_primary(world, dead_replica):
    with read_from_replica() as alias:
        assert alias == DEFAULT_DB_ALIAS
        assert Referral.objects.all().db == DEFAULT_DB_ALIAS


def test_the_router_writes_on_the_primary_and_never_migrates_the_replica():
    routes = ReplicaRouter()
    on_replica = Referral(pk=1)
    on_replica._state.db = REPLICA
    with reading_from(REPLICA):
        assert router.db_for_read(Referral) == REPLICA
        assert router.db_for_write(Referral) == DEFAULT_DB_ALIAS
        assert router.db_for_write(Referral, instance=on_replica) == DEFAULT_DB_ALIAS
    # Outside the scope nothing is read from the replica, not even an object's relations.
    assert router.db_for_read(Referral) == DEFAULT_DB_ALIAS
    assert router.db_for_read(Referral, instance=on_replica) == DEFAULT_DB_ALIAS
    with reading_from(DEFAULT_DB_ALIAS):
        assert router.db_for_read(Referral) == DEFAULT_DB_ALIAS
    on_primary = Referral(pk=2)
    on_primary._state.db = DEFAULT_DB_ALIAS
    assert routes.allow_relation(on_replica, on_primary) is True
    assert routes.allow_migrate(REPLICA, "referrals") is False
    assert routes.allow_migrate(DEFAULT_DB_ALIAS, "referrals") is None
