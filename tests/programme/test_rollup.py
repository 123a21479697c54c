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
