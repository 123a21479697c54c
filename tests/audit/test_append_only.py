"""On PostgreSQL the database refuses to change or remove audit entries; writers wait for each other."""

import threading

import pytest
from django.db import DatabaseError, connection, connections, transaction

from referrals import services
from referrals.auditing.chain import verify
from referrals.models import AuditEntry, State
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
        case = open_case(actor=p.fatima, organisation=o.waterlelie, family_name=family_name,
                         categories=[world.categories.schulden])
        give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank])
        referral = services.referral_create(
            case=case, actor=p.fatima, organisation=o.waterlelie, service=world.services.schuldhulp,
            summary="Hulp bij schulden.", categories=[world.categories.schulden], shared_data=["contact"])
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
