# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A list costs the same number of queries for 3 rows or 30."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from referrals import services
from referrals.selectors import referrals as selectors
from tests.factories import give_consent, open_case


def make_referrals(world, n):
    p, o = world.people, world.orgs
    case = open_case(actor=p.fatima, organisation=o.waterlelie, family_name=f"Fam{n}")
    give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank, o.taalhuis])
    made = []
    for i in range(n):
        r = services.referral_create(
            case=case,
            actor=p.fatima,
            organisation=o.waterlelie,
            service=world.services.schuldhulp,
            summary=f"Vraag {i}",
            categories=[world.categories.schulden],
            urgency="urgent" if i % 3 else "normal",
        )
        services.referral_send(referral=r, actor=p.fatima)
        if i % 2:
            services.referral_accept(referral=r, actor=p.kees)
        made.append(r)
    return case, made


def count_queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def render_inbox(user, org):
    for r in selectors.inbox_for(user, org):
        _ = (
            r.service.name,
            r.to_organisation.name,
            r.case.wijk,
            [c.name for c in r.categories.all()],
            r.assignee,
            r.case.reference,
            selectors.is_overdue(r),
        )


def render_sent(user):
    for r in selectors.sent_by(user):
        _ = (r.service.name, r.to_organisation.name, r.state, [c.name for c in r.categories.all()], r.assignee)


def render_timeline(case, user):
    data = selectors.case_timeline(case, user)
    for r in data["referrals"]:
        _ = (
            r.service.name,
            [c.name for c in r.categories.all()],
            [(e.actor, e.actor_organisation) for e in r.events.all()],
        )
    for f in data["follow_ups"]:
        _ = (f.referral, f.owner)


def test_inbox_query_count_does_not_grow_with_rows(world):
    p, o = world.people, world.orgs
    make_referrals(world, 3)
    small = count_queries(lambda: render_inbox(p.kees, o.kredietbank))
    make_referrals(world, 30)
    large = count_queries(lambda: render_inbox(p.kees, o.kredietbank))
    assert small == large
    assert len(list(selectors.inbox_for(p.kees, o.kredietbank))) == 33


def test_sent_list_query_count_does_not_grow_with_rows(world):
    make_referrals(world, 3)
    small = count_queries(lambda: render_sent(world.people.fatima))
    make_referrals(world, 30)
    assert count_queries(lambda: render_sent(world.people.fatima)) == small


def test_case_timeline_query_count_does_not_grow_with_referrals(world):
    p = world.people
    small_case, _ = make_referrals(world, 3)
    large_case, _ = make_referrals(world, 30)
    assert count_queries(lambda: render_timeline(small_case, p.fatima)) == count_queries(
        lambda: render_timeline(large_case, p.fatima)
    )


def test_inbox_puts_urgent_first_and_counts_overdue(world):
    p, o = world.people, world.orgs
    _, made = make_referrals(world, 4)
    type(made[0]).objects.filter(pk=made[0].pk).update(respond_by=timezone.now() - timezone.timedelta(days=1))
    new = list(selectors.inbox_for(p.kees, o.kredietbank, box="new"))
    assert [r.urgency for r in new] == sorted(r.urgency for r in new)[::-1]  # "urgent" before "normal"
    counts = selectors.inbox_counts(p.kees, o.kredietbank)
    assert counts == {"new": 2, "overdue": 1, "mine": 2, "all": 4}
    assert [r.pk for r in selectors.inbox_for(p.kees, o.kredietbank, box="overdue")] == [made[0].pk]
