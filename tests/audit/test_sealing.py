# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A service's audit entries are sealed into the chain once, at the end of its transaction."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from audit.models import AuditChainHead, AuditEntry
from audit.services.chain import verify
from audit.services.sealing import audited
from audit.services.trail import log_access
from referrals import services

HEAD = "referrals_auditchainhead"
ENTRIES = "referrals_auditentry"


def test_a_service_locks_the_chain_head_once_last_and_inserts_its_entries_in_one_statement(world, draft):
    before = AuditEntry.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        services.referral_send(referral=draft, actor=world.people.fatima)
    # The transaction's own statements (not the savepoint the test's transaction wraps it in).
    statements = [q["sql"] for q in ctx.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    written = AuditEntry.objects.count() - before
    assert written >= 2  # the transition and the grants/notifications it brings
    touching_head = [i for i, sql in enumerate(statements) if HEAD in sql]
    inserting = [i for i, sql in enumerate(statements) if sql.startswith(f'INSERT INTO "{ENTRIES}"')]
    # PostgreSQL: SELECT … FOR UPDATE, then the move. SQLite: UPDATE (its write lock), SELECT, move.
    assert len(touching_head) == (2 if connection.vendor == "postgresql" else 3)
    assert len(inserting) == 1
    # The head is the last thing taken: nothing but the entries' insert comes after its lock.
    assert touching_head[0] > max(i for i, sql in enumerate(statements) if HEAD not in sql and i not in inserting)
    assert all("pg_advisory" not in sql for sql in statements)
    assert verify().ok


def test_entries_of_a_rolled_back_savepoint_are_not_sealed(world):
    org = world.orgs.kredietbank
    head = AuditChainHead.objects.get().last_entry_id
    with audited():
        log_access(actor=None, obj=org, activity="referral", fields=["name"])
        try:
            with transaction.atomic():
                log_access(actor=None, obj=org, activity="referral", fields=["phone"])
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        log_access(actor=None, obj=org, activity="referral", fields=["email"])
    new = list(AuditEntry.objects.filter(id__gt=head).order_by("id").values_list("id", "changes"))
    assert [changes for _, changes in new] == [{"fields": ["name"]}, {"fields": ["email"]}]
    assert [entry_id for entry_id, _ in new] == [head + 1, head + 2]
    assert verify().ok


def test_a_failed_service_seals_none_of_its_work_and_keeps_its_action_as_failed(world):
    """Logboek Dataverwerkingen records failed actions too (status_code ERROR): the work is rolled
    back, its first entry (the action itself) is written again as failed, without the changes."""
    from audit.selectors.export import logboek_record

    head = AuditChainHead.objects.values_list("last_entry_id", "last_hash").get()
    with pytest.raises(RuntimeError), audited():
        log_access(actor=None, obj=world.orgs.kredietbank, activity="referral", fields=["name"])
        log_access(actor=None, obj=world.orgs.gemeente, activity="referral", fields=["name"])
        raise RuntimeError("the work failed")
    [failed] = AuditEntry.objects.filter(id__gt=head[0])
    assert failed.object_pk == str(world.orgs.kredietbank.pk) and failed.changes is None
    assert failed.reason == "mislukt (RuntimeError); niets gewijzigd"
    record = logboek_record(failed)
    assert record["status_code"] == 2 and record["attributes"]["overdracht.outcome"] == "failed"
    assert verify().ok


def test_an_entry_outside_a_service_is_sealed_at_once(world):
    entry = log_access(actor=None, obj=world.orgs.kredietbank, activity="referral", fields=["name"])
    assert entry.pk == AuditChainHead.objects.get().last_entry_id
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
    assert verify().ok


def test_a_handover_writes_each_fact_once(world, draft):
    """Send → accept → first contact → close: the referral's own entry holds each transition;
    its timeline event (the same transition again) gets none."""
    from django.utils import timezone

    p = world.people
    before = AuditEntry.objects.count()
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=draft, actor=p.kees, outcome="helped", note="Klaar.")
    written = AuditEntry.objects.filter(id__gt=before).order_by("id")
    kinds = [e.content_type.model for e in written.select_related("content_type")]
    assert "referralevent" not in kinds
    assert kinds.count("referral") == 4  # one per transition
    # Besides: the receiving organisation's grant, the assignee's grant, two follow-ups and the
    # notifications (one per person told: three receivers at send, then one each).
    assert kinds.count("referralgroupobjectpermission") == kinds.count("referraluserobjectpermission") == 1
    assert kinds.count("followup") == 2
    assert len(kinds) == 14  # 19 while the events had entries of their own
    assert verify().ok


def test_a_leavers_refusal_inside_a_service_flags_the_sealed_entry(world, draft):
    """Outside a request a refusal is written at once; inside a service's transaction its entry is
    sealed before the flag names it."""
    from audit.models import PrivacyFlag
    from audit.services.refusals import record_refusal
    from referrals.models import Referral

    kees = world.people.kees
    with audited():
        record_refusal(
            kees,
            model=Referral,
            key=draft.pk,
            obj=draft,
            status=404,
            activity="referral",
            leaver=(world.orgs.kredietbank.pk, "intake"),
        )
    flag = PrivacyFlag.objects.get(kind=PrivacyFlag.Kind.LEAVER_ATTEMPT, actor=kees)
    entry = AuditEntry.objects.get(pk=flag.details["entry"])
    assert (entry.action, entry.actor_id, entry.object_id) == (AuditEntry.Action.REFUSED, kees.pk, draft.pk)
    assert verify().ok
