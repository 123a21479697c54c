# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's search and exports and the programme's figures read from a real streaming standby.

These run only where DATABASE_REPLICA_URL names one (.ci/run starts it); elsewhere they are
deselected, and tests/replica/test_without_replica.py checks that everything reads from the primary.
The standby's replay is paused to make it lag: what it shows then is provably its own.
"""

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from accounts.services.memberships import membership_end
from audit.models import AuditEntry
from audit.services.sealing import audited
from audit.services.trail import log_access
from config.replica import LSN_COOKIE, choose_alias, read_from_replica
from policies.roles import Role
from programme.models import RollupRun
from referrals import services
from referrals.models import Referral, State
from tests.factories import member
from tests.replica.standby import caught_up, replay_paused, statements

pytestmark = [pytest.mark.replica, pytest.mark.django_db(transaction=True, databases=["default", "replica"])]


def _replica():
    return connections[settings.DATABASE_READ_REPLICA]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _search(client: Client, pseudonym: str) -> list:
    response = client.get(reverse("privacy:search"), {"pseudoniem": pseudonym})
    assert response.status_code == 200
    return response.context["rows"]


def _export(client: Client, pseudonym: str) -> list[bytes]:
    response = client.get(reverse("privacy:export", args=["jsonl"]), {"pseudoniem": pseudonym})
    return b"".join(response.streaming_content).splitlines()


@pytest.fixture
def sent(world, draft):
    return services.referral_send(referral=draft, actor=world.people.fatima)


def test_the_replica_alias_is_the_standby_of_the_test_database():
    with _replica().cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery(), current_database(), inet_server_port()")
        in_recovery, name, port = cursor.fetchone()
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery(), current_database(), inet_server_port()")
        primary = cursor.fetchone()
    assert in_recovery is True and primary[0] is False
    assert name == primary[1] and port != primary[2]


def test_the_figures_and_their_exports_are_read_from_the_lagging_standby(world):
    petra = _client(world.people.petra)
    caught_up()
    with replay_paused():
        # The hourly roll-up finishes on the primary; the standby has not replayed it.
        RollupRun.objects.create(finished_at=timezone.now(), facts=0, milliseconds=1)
        with statements(settings.DATABASE_READ_REPLICA) as on_replica, statements(DEFAULT_DB_ALIAS) as on_primary:
            page = petra.get(reverse("programme:figures"))
            export = petra.get(reverse("programme:csv"))
            printed = petra.get(reverse("programme:print"))
            # With a filter the page counts the facts (one GROUPING SETS scan of raw SQL).
            filtered = petra.get(reverse("programme:figures"), {"partner": world.orgs.kredietbank.pk})
        assert page.context["figures"].as_of is None
        assert printed.context["figures"].as_of is None
        assert filtered.context["figures"].as_of is None
        assert "Stand van" not in export.content.decode()
        # Every read of the figures goes to the standby, the raw SQL and work_mem too.
        assert any("programme_rolluprun" in sql for sql in on_replica)
        assert any("programme_figurecell" in sql for sql in on_replica)
        assert any("GROUPING SETS" in sql for sql in on_replica)
        assert any("work_mem" in sql for sql in on_replica)
        assert not [sql for sql in on_primary if "programme_" in sql or "work_mem" in sql]
    assert petra.get(reverse("programme:figures")).context["figures"].as_of is not None


def test_the_audit_search_and_export_are_read_from_the_standby_and_still_logged_on_the_primary(world, case, sent):
    p = world.people
    priya = _client(p.priya)
    pseudonym = case.resident.pseudonym
    caught_up()  # "before" is then what the fixtures wrote, not what the standby had replayed of it
    before, exported = len(_search(priya, pseudonym)), _export(priya, pseudonym)
    reviews = AuditEntry.objects.filter(actor=p.priya, processing_activity="audit_review")
    with replay_paused():
        services.referral_accept(referral=sent, actor=p.kees)  # someone else's write, on the primary
        logged = reviews.count()
        assert len(_search(priya, pseudonym)) == before
        # Her search just now was logged: in this browser she now waits for that entry (read-your-
        # writes), so the export is read from the standby in another browser of hers.
        assert _export(_client(p.priya), pseudonym) == exported  # its rows are streamed from the standby too
        # Her looks are logged all the same, on the primary.
        assert reviews.count() == logged + 2
    assert len(_search(priya, pseudonym)) > before
    assert len(_export(priya, pseudonym)) > len(exported)


def test_the_acting_user_sees_what_they_just_did_although_the_standby_lags(world, case, sent):
    """Read-your-writes: Kees accepts, then searches the trail; the standby has not replayed his accept."""
    p = world.people
    member(p.kees, world.orgs.gemeente, Role.PRIVACY_OFFICER)  # Kees is privacy officer too
    kees, priya = _client(p.kees), _client(p.priya)
    pseudonym = case.resident.pseudonym
    caught_up()
    before = len(_search(priya, pseudonym))
    with replay_paused():
        answer = kees.post(reverse("referral_accept", args=[sent.pk]), {"form_token": "accept-1"})
        assert answer.status_code == 302
        assert Referral.objects.get(pk=sent.pk).state == State.ACCEPTED
        with statements(DEFAULT_DB_ALIAS) as on_primary:
            seen_by_kees = _search(kees, pseudonym)
        seen_by_priya = _search(priya, pseudonym)  # no write of hers to wait for: the standby's view
        assert any("referrals_auditentry" in sql for sql in on_primary)
        assert len(seen_by_kees) > before
        assert any(row["entry"].object_pk == str(sent.pk) and row["entry"].changes for row in seen_by_kees)
        assert len(seen_by_priya) == before
        assert LSN_COOKIE in answer.cookies
    # Caught up, his next search is the standby's again.
    with statements(settings.DATABASE_READ_REPLICA) as on_replica:
        assert len(_search(kees, pseudonym)) > before
    assert any("referrals_auditentry" in sql for sql in on_replica)


def test_who_may_open_a_replica_page_is_decided_on_the_primary_although_the_standby_lags(world):
    """A privacy officer who left a moment ago is refused at once; one appointed a moment ago is let in."""
    p = world.people
    priya = _client(p.priya)
    caught_up()
    assert priya.get(reverse("privacy:search")).status_code == 200
    with replay_paused():
        membership_end(Membership.objects.get(user=p.priya, role=Role.PRIVACY_OFFICER), by=None)
        member(p.kees, world.orgs.gemeente, Role.PRIVACY_OFFICER)
        # The standby still holds Priya's membership and not yet Kees's.
        on_standby = Membership.objects.using(settings.DATABASE_READ_REPLICA).active()
        assert on_standby.filter(user=p.priya, role=Role.PRIVACY_OFFICER).exists()
        assert not on_standby.filter(user=p.kees, role=Role.PRIVACY_OFFICER).exists()
        with statements(settings.DATABASE_READ_REPLICA) as on_replica:
            assert priya.get(reverse("privacy:search")).status_code == 404
            assert _client(p.kees).get(reverse("privacy:search")).status_code == 200
            assert _client(p.priya).get(reverse("privacy:export", args=["jsonl"])).status_code == 404
        assert not [sql for sql in on_replica if "accounts_membership" in sql]


def test_writes_and_a_services_reads_inside_the_scope_go_to_the_primary(world, case, sent):
    p = world.people
    caught_up()
    with statements(settings.DATABASE_READ_REPLICA) as on_replica, read_from_replica() as alias:
        assert alias == settings.DATABASE_READ_REPLICA
        assert Referral.objects.all().db == alias
        assert router.db_for_write(AuditEntry) == DEFAULT_DB_ALIAS
        # A service locks and reads its rows on the primary (a standby refuses SELECT … FOR UPDATE).
        services.referral_accept(referral=Referral.objects.get(pk=sent.pk), actor=p.kees)
        entry = log_access(actor=p.priya, obj=sent, activity="audit_review", organisation=world.orgs.gemeente)
    assert AuditEntry.objects.using(DEFAULT_DB_ALIAS).filter(pk=entry.pk).exists()
    assert Referral.objects.using(DEFAULT_DB_ALIAS).get(pk=sent.pk).state == State.ACCEPTED
    replica_sql = [sql.lstrip().upper() for sql in on_replica]
    assert replica_sql, "the scope's own read went to the standby"
    assert not [sql for sql in replica_sql if sql.startswith(("INSERT", "UPDATE", "DELETE")) or "FOR UPDATE" in sql]


def test_a_services_plain_reads_inside_the_scope_see_the_primary_although_the_standby_lags(world):
    with replay_paused():
        RollupRun.objects.create(finished_at=timezone.now(), facts=0, milliseconds=1)
        with read_from_replica():
            assert RollupRun.objects.count() == 0  # the page's reads: the standby's
            with audited():
                assert RollupRun.objects.count() == 1  # a service decides on the primary's rows


def test_a_replica_read_inside_an_open_transaction_is_the_primarys(world):
    from django.db import transaction

    with transaction.atomic():
        RollupRun.objects.create(finished_at=timezone.now(), facts=0, milliseconds=1)
        assert choose_alias() == DEFAULT_DB_ALIAS  # the standby cannot see this transaction's rows
    caught_up()
    assert choose_alias() == settings.DATABASE_READ_REPLICA


def test_a_page_that_only_reads_costs_no_query_more_with_a_replica(world, case, sent):
    kees = _client(world.people.kees)
    kees.get(reverse("inbox"))  # what a first page view does once (the idle timeout's refresh) is done
    with statements(DEFAULT_DB_ALIAS) as with_replica, statements(settings.DATABASE_READ_REPLICA) as on_replica:
        answer = kees.get(reverse("inbox"))
    assert LSN_COOKIE not in answer.cookies and not on_replica
    with override_settings(DATABASE_READ_REPLICA=""), statements(DEFAULT_DB_ALIAS) as without:
        kees.get(reverse("inbox"))
    assert len(with_replica) == len(without)
