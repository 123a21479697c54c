# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Work given to someone at the moment their membership ends (real PostgreSQL row locks, threads).

Kees accepts a referral while an administrator ends his membership. The end locks the membership
first and hands back what is assigned to him; an accept must not slip a referral in after that:
it waits for the end and is then refused. (The accept holds the assignee's membership row,
accounts.selectors.memberships.hold_membership; today both also lock the organisation's row,
through select_related, which would serialise them as well — this test guards the outcome,
whichever lock provides it.)
"""

import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction

from accounts.models import Membership
from accounts.services.memberships import membership_end
from policies.roles import Role
from referrals import services
from referrals.models import ReferralUserObjectPermission, State
from referrals.services import ActionRefused
from tests.factories import administrator, give_consent, open_case


def _waiting_on_locks() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        return cursor.fetchone()[0]


def _until(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_accept_while_the_membership_ends_is_refused_not_left_with_the_leaver(world):
    p, o = world.people, world.orgs
    bea = administrator(p.bea)
    case = open_case(actor=p.fatima, organisation=o.waterlelie, categories=[world.categories.schulden])
    give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank])
    referral = services.referral_create_and_send(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        service=world.services.schuldhulp,
        summary="Aanmaningen; wil hulp.",
        categories=[world.categories.schulden],
        shared_data=["contact", "summary", "needs"],
    )
    kees = p.kees
    membership = Membership.objects.get(user=kees, role=Role.INTAKE)
    group_row = get_user_model().groups.through.objects.filter(user=kees, group=o.kredietbank.group)

    # The end stops halfway, after it locked the membership and looked for Kees's referrals:
    # another transaction holds the row it removes last (Kees in the Kredietbank's group).
    locked, release = threading.Event(), threading.Event()
    outcome = {}

    def hold_the_group_row():
        try:
            with transaction.atomic():
                list(group_row.select_for_update())
                locked.set()
                release.wait(timeout=20)
        finally:
            connection.close()

    def end():
        try:
            membership_end(membership, by=bea)
            outcome["end"] = "ended"
        finally:
            connection.close()

    def accept():
        try:
            services.referral_accept(referral=referral, actor=kees)
            outcome["accept"] = "accepted"
        except ActionRefused as refused:
            outcome["accept"] = refused.message
        finally:
            connection.close()

    holder, ender, accepter = (threading.Thread(target=f) for f in (hold_the_group_row, end, accept))
    holder.start()
    assert locked.wait(timeout=10)
    ender.start()
    assert _until(lambda: _waiting_on_locks() >= 1), "the end did not reach the held row"
    accepter.start()
    # The accept finishes at once when nothing holds it; with the fix it waits for the end.
    _until(lambda: "accept" in outcome or _waiting_on_locks() >= 2, timeout=3)
    release.set()
    for thread in (holder, ender, accepter):
        thread.join(timeout=30)

    assert outcome["end"] == "ended"
    referral.refresh_from_db()
    assert outcome["accept"] != "accepted", outcome
    assert referral.state == State.SENT and referral.assignee is None
    assert not ReferralUserObjectPermission.objects.filter(user=kees).exists()
