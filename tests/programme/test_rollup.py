# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The roll-up the Cijfers page counts from: what a fact row holds, when the page sees new work."""

from datetime import UTC, date, datetime, timedelta

from django.core.management import call_command
from django.utils import timezone

from programme.models import ReferralFact, RollupRun
from programme.selectors.figures import Filters
from programme.selectors.figures import figures as page_figures
from programme.services.rollup import rollup_figures
from referrals import services
from referrals.models import Referral
from tests.programme.test_figures import _referrals, this_year


def test_the_page_counts_from_the_last_rollup_and_says_how_fresh_it_is(world, client):
    _referrals(world, 6, service=world.services.schuldhulp)
    client.force_login(world.people.petra)
    before = client.get("/cijfers/")
    assert before.context["figures"].headline[0][1] == 0 and before.context["figures"].as_of is None
    assert "nog niet berekend" in before.content.decode()

    rollup_figures()
    after = client.get("/cijfers/")
    assert after.context["figures"].headline[0][1] == 6 and after.context["figures"].as_of is not None
    assert "Stand van" in after.content.decode()

    # New work shows at the next roll-up, not before.
    _referrals(world, 5, service=world.services.taalmaatje, family="T")
    assert dict(page_figures(this_year(), Filters()).headline)["Verstuurd"] == 6
    rollup_figures()
    assert dict(page_figures(this_year(), Filters()).headline)["Verstuurd"] == 11


def test_a_fact_row_has_the_local_month_and_week_and_the_times(world):
    (referral,) = _referrals(world, 1, service=world.services.schuldhulp)
    referral = services.referral_accept(referral=referral, actor=world.people.kees)
    # 31 January 23:30 UTC is 1 February 00:30 in Amsterdam: February, the week of Monday 27 January.
    sent = datetime(2025, 1, 31, 23, 30, tzinfo=UTC)
    Referral.objects.filter(pk=referral.pk).update(
        sent_at=sent, accepted_at=sent + timedelta(hours=50, minutes=59), first_contact_on=date(2025, 2, 4)
    )
    run = rollup_figures()
    fact = ReferralFact.objects.get(referral_id=referral.pk)
    assert (fact.sent_month, fact.sent_week) == (date(2025, 2, 1), date(2025, 1, 27))
    assert (fact.hours_to_accept, fact.days_to_contact) == (50, 3)
    assert fact.is_accepted and not fact.is_escalated and not fact.has_outcome
    assert fact.case_id == referral.case_id and fact.resident_id == referral.case.resident_id
    assert fact.wijk_id == referral.case.wijk_id and fact.service_id == world.services.schuldhulp.pk
    assert run.facts == ReferralFact.objects.count() == Referral.objects.exclude(sent_at=None).count()


def test_each_rollup_replaces_the_last_with_what_the_referrals_say_now(world):
    made = _referrals(world, 6, service=world.services.schuldhulp)
    rollup_figures()
    services.referral_decline(referral=made[0], actor=world.people.kees, reason="no_capacity", note="Vol.")
    Referral.objects.filter(pk=made[1].pk).delete()  # gone (erased with its case, say)
    rollup_figures()
    facts = ReferralFact.objects.filter(referral_id__in=[r.pk for r in made])
    assert facts.count() == 5
    assert facts.get(referral_id=made[0].pk).decline_reason == "no_capacity"
    assert RollupRun.objects.count() == 2


def test_the_command_rolls_up_and_says_how_many(world, capsys):
    _referrals(world, 2, service=world.services.schuldhulp)
    call_command("rollup_figures")
    assert "2 referral(s) rolled up" in capsys.readouterr().out


def test_cases_and_households_reached_count_each_once_with_and_without_filters(world):
    """Unfiltered, the page counts each case's first referral of the period; filtered, DISTINCT.

    Six cases, each with a referral to the Kredietbank and one to the Taalhuis; three of them had
    their first referral last year. This year: nine referrals, six cases, six households.
    """
    p = world.people
    made = _referrals(world, 6, service=world.services.schuldhulp)
    for referral in made:
        draft = services.referral_create(
            case=referral.case,
            actor=p.fatima,
            organisation=world.orgs.waterlelie,
            service=world.services.taalmaatje,
            summary="Taal.",
            categories=[world.categories.schulden],
            shared_data=["contact"],
        )
        services.referral_send(referral=draft, actor=p.fatima)
    last_year = timezone.now() - timedelta(days=400)
    Referral.objects.filter(pk__in=[r.pk for r in made[:3]]).update(sent_at=last_year)
    rollup_figures()
    period = this_year()
    for filters in (Filters(), Filters(partner=world.orgs.waterlelie), Filters(wijk=None)):
        headline = dict(page_figures(period, filters).headline)
        assert headline["Verstuurd"] == 9
        assert headline["Casussen bereikt"] == 6 and headline["Huishoudens bereikt"] == 6, filters


def _spread_over_months(world):
    """Referrals in several cases and months, some cases with a second referral a month later."""
    p = world.people
    first = _referrals(world, 14, service=world.services.schuldhulp)
    for i, r in enumerate(first):
        if i % 3 == 0:
            services.referral_decline(referral=r, actor=p.kees, reason="no_capacity", note="Vol.")
            continue
        r = services.referral_accept(referral=r, actor=p.kees)
        if i % 3 == 1:
            r = services.referral_record_first_contact(referral=r, actor=p.kees, on=timezone.localdate(), way="phone")
            services.referral_close(referral=r, actor=p.kees, outcome="helped", note="Geregeld.")
    # A second referral from seven of the cases, to the Taalhuis.
    second = []
    for r in first[:7]:
        draft = services.referral_create(
            case=r.case,
            actor=p.fatima,
            organisation=world.orgs.waterlelie,
            service=world.services.taalmaatje,
            summary="Ook taal.",
            categories=[world.categories.schulden],
            shared_data=["contact", "summary", "needs"],
        )
        second.append(services.referral_send(referral=draft, actor=p.fatima))
    # Back in time: referral i of the first round 11·i days earlier (up to about five months), its
    # second 20 days after it; accepting and first contact move with them.
    now = timezone.now()
    for i, r in enumerate(first):
        moved = now - timedelta(days=11 * i, hours=3 * i)
        _move(r, moved)
        if i < len(second):
            _move(second[i], moved + timedelta(days=20))


def _move(referral, sent):
    referral.refresh_from_db()
    changes = {"sent_at": sent}
    if referral.accepted_at:
        changes["accepted_at"] = sent + timedelta(hours=7 + referral.pk % 40)
    if referral.first_contact_on:
        changes["first_contact_on"] = timezone.localdate(sent) + timedelta(days=referral.pk % 6)
    Referral.objects.filter(pk=referral.pk).update(**changes)


def _whole_month_periods():
    from programme.selectors.figures import Period

    today = timezone.localdate()
    months = []
    first = today.replace(day=1)
    for _ in range(7):
        months.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    months.reverse()
    periods = [
        Period(m, n, "month")
        for m, n in zip(months, [*months[1:], (today.replace(day=28) + timedelta(days=4)).replace(day=1)], strict=True)
    ]
    periods.append(Period(months[0], periods[-1].end, "seven months"))
    periods.append(Period(months[2], months[4], "two months (weeks)"))
    periods.append(Period(months[1], months[4], "three months"))
    return periods


def _normal(grouped):
    """The breakdowns as comparable sets: each row's grouping columns and count."""
    from programme.selectors.figures import _SETS

    status, flow, trend, to_accept, to_contact = grouped
    return (
        sorted(tuple(row[c] for c in (*_SETS["status"], "n")) for row in status),
        sorted(tuple(row[c] for c in (*_SETS["flow"], "n")) for row in flow),
        sorted((row["bucket"], bool(row["is_accepted"]), bool(row["has_outcome"]), row["n"]) for row in trend),
        to_accept,
        to_contact,
    )


def test_whole_months_add_up_the_monthly_cells_to_the_same_figures_as_the_facts(world, monkeypatch):
    """The page's usual question (whole months, no filters) reads the cells; the figures are the same."""
    from programme.selectors import figures as selector

    _spread_over_months(world)
    rollup_figures()
    checked = 0
    for period in _whole_month_periods():
        assert selector.whole_months(period)
        from_cells = selector.figures(period, Filters())
        with monkeypatch.context() as forced:
            forced.setattr(selector, "whole_months", lambda _period: False)
            from_facts = selector.figures(period, Filters())
        assert from_cells == from_facts, period.label
        # And before suppression hides the small numbers: every breakdown and the reach.
        kind, _buckets = selector.trend_buckets(period)
        cells, reach = selector._grouped_from_cells(period, kind)
        facts = selector.facts_in(period, Filters())
        counted = selector._grouped_one_by_one(facts, "sent_month" if kind == "month" else "sent_week")
        assert _normal(cells) == _normal(counted), period.label
        assert reach == selector._reach(facts, first_since=period.bounds()[0]), period.label
        checked += dict(from_cells.headline)["Verstuurd"] or 0
    assert checked > 21  # the periods did hold referrals (suppressed ones count 0 here)


def test_reach_counts_a_case_in_the_period_of_its_first_referral_there(world):
    from programme.models import FigureCell
    from programme.selectors.figures import Period

    (referral,) = _referrals(world, 1, service=world.services.schuldhulp)
    draft = services.referral_create(
        case=referral.case,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.taalmaatje,
        summary="Ook taal.",
        categories=[world.categories.schulden],
        shared_data=["contact", "summary", "needs"],
    )
    again = services.referral_send(referral=draft, actor=world.people.fatima)
    _move(referral, datetime(2025, 3, 10, 12, tzinfo=UTC))
    _move(again, datetime(2025, 4, 2, 12, tzinfo=UTC))
    rollup_figures()
    cases = {(c.month, c.previous_month): c.n for c in FigureCell.objects.filter(breakdown=FigureCell.Breakdown.CASES)}
    assert cases == {(date(2025, 3, 1), None): 1, (date(2025, 4, 1), date(2025, 3, 1)): 1}
    from programme.selectors.figures import _grouped_from_cells

    def reached(start, end):
        return _grouped_from_cells(Period(start, end, ""), "month")[1]

    assert reached(date(2025, 3, 1), date(2025, 5, 1)) == {"cases": 1, "households": 1}
    assert reached(date(2025, 4, 1), date(2025, 5, 1)) == {"cases": 1, "households": 1}
    assert reached(date(2025, 5, 1), date(2025, 6, 1)) == {"cases": 0, "households": 0}
