# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""On PostgreSQL the database refuses to change or remove audit entries; writers wait for each other."""

import threading
import time

import pytest
from django.db import DatabaseError, connection, connections, transaction

from audit.models import AuditChainHead, AuditEntry
from audit.services.chain import verify
from referrals import services
from referrals.models import State
from tests.factories import give_consent, open_case

pytestmark = pytest.mark.postgres


def test_postgres_refuses_update_of_an_entry(draft):
    entry = AuditEntry.objects.order_by("id").first()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(reason="anders")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE referrals_auditentry SET reason = 'x' WHERE id = %s", [entry.pk])
    entry.refresh_from_db()
    assert entry.reason != "anders"


def test_postgres_refuses_delete_of_an_entry(draft):
    count = AuditEntry.objects.count()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == count


@pytest.mark.parametrize("table", ["referrals_auditentry", "referrals_auditchainhead", "auth_user"])
def test_postgres_refuses_truncate_of_the_trail_and_its_head(draft, table):
    """TRUNCATE is not a row operation: the owner could wipe the trail past the row triggers.
    `manage.py flush` truncates every table; CASCADE from the users reaches the trail."""
    count = AuditEntry.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE wants no foreign-key checks pending
        with pytest.raises(DatabaseError, match="TRUNCATE refused"), transaction.atomic():
            cursor.execute(f"TRUNCATE {table} CASCADE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    assert AuditEntry.objects.count() == count
    assert AuditChainHead.objects.get().last_entry_id == AuditEntry.objects.order_by("id").last().pk


def test_postgres_refuses_to_remove_the_chain_head(draft):
    with pytest.raises(DatabaseError, match="chain head"), transaction.atomic():
        AuditChainHead.objects.all().delete()
    assert AuditChainHead.objects.filter(pk=1).exists()


@pytest.mark.parametrize(
    "change",
    [
        "last_entry_id = last_entry_id - 1",
        "last_entry_id = 0, last_hash = ''",
        "last_hash = repeat('0', 64)",
        "id = 2",
    ],
)
def test_postgres_refuses_to_move_the_chain_head_back_or_rewrite_it(draft, change):
    head = AuditChainHead.objects.get()
    with pytest.raises(DatabaseError, match="chain head"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE referrals_auditchainhead SET {change}")
    assert AuditChainHead.objects.values_list("pk", "last_entry_id", "last_hash").get() == (
        1,
        head.last_entry_id,
        head.last_hash,
    )


def test_postgres_lets_the_chain_head_move_forward(world, draft):
    """What every writer does: lock the head (an update to itself), then move it on."""
    before = AuditEntry.objects.count()
    services.referral_send(referral=draft, actor=world.people.fatima)
    assert AuditChainHead.objects.get().last_entry_id > before
    assert verify().ok


def _in_thread(work):
    errors = []

    def run():
        try:
            work()
        except BaseException as exc:  # reported to the test below
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    return thread, errors


@pytest.mark.django_db(transaction=True)
def test_two_handovers_at_the_same_moment_both_succeed(world):
    p, o = world.people, world.orgs
    referrals = []
    for family_name in ("Jansen", "De Vries"):
        case = open_case(
            actor=p.fatima, organisation=o.waterlelie, family_name=family_name, categories=[world.categories.schulden]
        )
        give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank])
        referral = services.referral_create(
            case=case,
            actor=p.fatima,
            organisation=o.waterlelie,
            service=world.services.schuldhulp,
            summary="Hulp bij schulden.",
            categories=[world.categories.schulden],
            shared_data=["contact"],
        )
        services.referral_send(referral=referral, actor=p.fatima)
        referrals.append(referral)

    barrier = threading.Barrier(2)

    def accept(referral, actor):
        def work():
            barrier.wait(timeout=10)
            services.referral_accept(referral=referral, actor=actor)

        return work

    runs = [_in_thread(accept(referrals[0], p.kees)), _in_thread(accept(referrals[1], p.marieke))]
    for thread, _ in runs:
        thread.start()
    for thread, _ in runs:
        thread.join(timeout=30)
    assert [errors for _, errors in runs] == [[], []]
    for referral in referrals:
        referral.refresh_from_db()
        assert referral.state == State.ACCEPTED
    verdict = verify()
    assert verdict.ok, verdict.problem
    ids = list(AuditEntry.objects.order_by("id").values_list("id", flat=True))
    assert ids == list(range(1, len(ids) + 1))


def _forward_pending(world):
    """A referral in progress at the debt counsellor, forwarded to the language project (not yet accepted)."""
    from django.utils import timezone

    p, o = world.people, world.orgs
    case = open_case(actor=p.fatima, organisation=o.waterlelie, categories=[world.categories.schulden])
    consent = give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank, o.taalhuis])
    parent = services.referral_create(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        service=world.services.schuldhulp,
        summary="Schulden.",
        categories=[world.categories.schulden],
        shared_data=["contact"],
    )
    services.referral_send(referral=parent, actor=p.fatima)
    services.referral_accept(referral=parent, actor=p.kees)
    services.referral_record_first_contact(referral=parent, actor=p.kees, on=timezone.localdate(), way="phone")
    child = services.referral_forward(
        referral=parent,
        actor=p.kees,
        service=world.services.taalmaatje,
        summary="Taal.",
        categories=[world.categories.taal],
        shared_data=["contact"],
    )
    return consent, parent, child


def _one_waits_for_the_other(first, second):
    """Run `first` until it has written its first referral event (it holds its row locks then),
    start `second` (it queues on a lock `first` holds), let `first` go on. Returns both threads' errors.

    A refusal (ActionRefused) is a clear answer, not an error: whichever came second may find the
    referral in another state. A deadlock (PostgreSQL aborts one of the two) is an error."""
    from django.db.models.signals import post_save

    from referrals.models import ReferralEvent
    from referrals.services import ActionRefused

    holding, second_started = threading.Event(), threading.Event()
    first_thread = {}

    def pause_while_holding(sender, instance, created, **kwargs):
        if threading.get_ident() == first_thread.get("id") and not holding.is_set():
            holding.set()
            second_started.wait(timeout=5)
            time.sleep(0.5)  # the second transaction now waits for a row the first holds

    def run_first():
        first_thread["id"] = threading.get_ident()
        try:
            first()
        except ActionRefused:
            pass

    def run_second():
        holding.wait(timeout=5)
        second_started.set()
        try:
            second()
        except ActionRefused:
            pass

    post_save.connect(pause_while_holding, sender=ReferralEvent, dispatch_uid="test_pause")
    try:
        runs = [_in_thread(run_first), _in_thread(run_second)]
        for thread, _ in runs:
            thread.start()
        for thread, _ in runs:
            thread.join(timeout=30)
    finally:
        post_save.disconnect(dispatch_uid="test_pause", sender=ReferralEvent)
    assert holding.is_set()
    return [errors for _, errors in runs]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("accept_first", [True, False], ids=["accept-first", "close-first"])
def test_a_handover_and_a_close_of_the_same_parent_at_once_do_not_deadlock(world, accept_first):
    """Accepting a forward changes the forward and its parent; closing the parent changes the parent.
    Either may come first: the other waits, then gets a clear answer."""
    _, parent, child = _forward_pending(world)
    p = world.people

    def accept():
        services.referral_accept(referral=child, actor=p.anouk)

    def close():
        services.referral_close(referral=parent, actor=p.kees, outcome="helped", note="Klaar.")

    errors = _one_waits_for_the_other(accept, close) if accept_first else _one_waits_for_the_other(close, accept)
    assert errors == [[], []]
    child.refresh_from_db()
    parent.refresh_from_db()
    assert child.state == State.ACCEPTED
    assert parent.state == (State.HANDED_OVER if accept_first else State.CLOSED)
    assert verify().ok


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("accept_first", [True, False], ids=["accept-first", "withdrawal-first"])
def test_accepting_a_forward_while_the_consent_is_withdrawn_does_not_deadlock(world, accept_first):
    """The withdrawal stops the parent and the forward (both rows); accepting the forward changes both
    too. Both lock in ascending id order, so neither holds one row while waiting for the other."""
    consent, parent, child = _forward_pending(world)
    p, o = world.people, world.orgs

    def accept():
        services.referral_accept(referral=child, actor=p.anouk)

    def withdraw():
        services.consent_withdraw(consent=consent, actor=p.fatima, organisation=o.waterlelie, reason="Wil niet meer.")

    errors = _one_waits_for_the_other(accept, withdraw) if accept_first else _one_waits_for_the_other(withdraw, accept)
    assert errors == [[], []]
    child.refresh_from_db()
    parent.refresh_from_db()
    # The withdrawal came last or first: either way it stopped what relied on the consent.
    assert child.state == State.STOPPED
    assert parent.state in (State.STOPPED, State.HANDED_OVER)
    assert verify().ok


@pytest.mark.django_db(transaction=True)
def test_a_write_outside_the_audit_trail_does_not_wait_for_a_writer_sealing(world):
    """A session saved (every page view may do so) while another transaction holds the chain head,
    as a service does while it seals: the session is not audited and takes no lock of the trail."""
    from django.contrib.sessions.backends.db import SessionStore

    holding, release = threading.Event(), threading.Event()

    def hold_the_head():
        with transaction.atomic():
            AuditChainHead.objects.select_for_update().get(pk=1)
            holding.set()
            release.wait(timeout=10)

    saved = {}

    def save_a_session():
        holding.wait(timeout=5)
        started = time.perf_counter()
        session = SessionStore()
        session["seen"] = 1
        session.save()
        saved["seconds"] = time.perf_counter() - started

    holder, saver = _in_thread(hold_the_head), _in_thread(save_a_session)
    holder[0].start()
    saver[0].start()
    saver[0].join(timeout=3)
    release.set()
    holder[0].join(timeout=10)
    saver[0].join(timeout=10)
    assert holder[1] == saver[1] == []
    assert saved["seconds"] < 1, saved  # before: it waited for the holder's commit
