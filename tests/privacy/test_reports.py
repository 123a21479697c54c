# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Programme figures: anonymous counts, small numbers suppressed."""

from referrals import services
from referrals.selectors.reports import SUPPRESSED, Cell, programme_figures, suppress
from tests.factories import give_consent, open_case


def test_figures_below_five_are_suppressed():
    cells = suppress({"Prinsenhof": 12, "De Heuvel": 7, "Bovenveen": 3, "Amstelwijk": 2})
    assert cells == [
        Cell("Prinsenhof", 12),
        Cell("De Heuvel", 7),
        Cell("Bovenveen", SUPPRESSED),
        Cell("Amstelwijk", SUPPRESSED),
    ]


def test_a_single_suppressed_figure_takes_the_next_smallest_with_it():
    # Otherwise "total minus the others" would reveal the hidden 3.
    cells = suppress({"Kredietbank": 20, "Taalhuis": 9, "Woej": 3})
    assert cells == [Cell("Kredietbank", 20), Cell("Taalhuis", SUPPRESSED), Cell("Woej", SUPPRESSED)]


def test_nothing_is_suppressed_when_every_figure_is_five_or_more():
    assert [c.count for c in suppress({"a": 5, "b": 6})] == [6, 5]


def _sent(world, n, *, service, category, family="N"):
    for i in range(n):
        case = open_case(
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            family_name=f"{family}{i}",
            categories=[category],
        )
        give_consent(
            case=case,
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            recipients=[world.orgs.kredietbank, world.orgs.taalhuis],
        )
        referral = services.referral_create(
            case=case,
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            service=service,
            summary="Hulp.",
            categories=[category],
            shared_data=["contact", "summary", "needs"],
        )
        services.referral_send(referral=referral, actor=world.people.fatima)


def test_programme_figures_count_sent_referrals_per_partner_and_category(world, draft):
    _sent(world, 6, service=world.services.schuldhulp, category=world.categories.schulden)
    _sent(world, 2, service=world.services.taalmaatje, category=world.categories.taal, family="T")
    figures = programme_figures()
    assert figures["referrals"] == 8  # the draft is not counted
    assert figures["residents"] == 8
    assert figures["accepted"] == 0  # none accepted: a zero identifies nobody, so it is shown
    assert {c.label: c.count for c in figures["by_state"]} == {"Verstuurd": 8}
    # 6 and 2 of a total of 8: showing the 6 would give the 2 away, so both are hidden.
    assert {c.label: c.count for c in figures["by_partner"]} == {"Kredietbank": SUPPRESSED, "Taalhuis": SUPPRESSED}
    assert [c.count for c in figures["by_category"]] == [SUPPRESSED, SUPPRESSED]
    assert [c.count for c in figures["by_pair"]] == [SUPPRESSED, SUPPRESSED]


def test_large_enough_breakdowns_are_shown(world):
    _sent(world, 6, service=world.services.schuldhulp, category=world.categories.schulden)
    _sent(world, 5, service=world.services.taalmaatje, category=world.categories.taal, family="T")
    figures = programme_figures()
    assert {c.label: c.count for c in figures["by_partner"]} == {"Kredietbank": 6, "Taalhuis": 5}
    assert {c.label: c.count for c in figures["by_category"]} == {"Schulden": 6, "Nederlands als tweede taal": 5}
    assert {c.label: c.count for c in figures["by_wijk"]} == {"Prinsenhof": 11}


def test_no_report_reads_a_personal_field(world, draft, settings):
    from tests.privacy.helpers import new_key

    _sent(world, 5, service=world.services.schuldhulp, category=world.categories.schulden)
    settings.FIELD_ENCRYPTION_KEYS = new_key("unrelated")  # any decryption would fail now
    assert programme_figures()["referrals"] == 5


def _figures_counted_with_distinct() -> dict:
    """The figures as they were counted before issue 12: DISTINCT everywhere, the band from the resident."""
    from collections import Counter

    from django.db.models import Count

    from referrals.models import Outcome, State
    from referrals.selectors.reports import _total, sent_referrals

    referrals = sent_referrals()

    def grouped(field):
        rows = referrals.values(field).annotate(n=Count("pk", distinct=True))
        return {str(row[field] or "—"): row["n"] for row in rows}

    outcomes, states = dict(Outcome.choices), dict(State.choices)
    by_outcome: Counter = Counter()
    for key, n in grouped("outcome").items():
        by_outcome[str(outcomes.get(key, key))] += n
    by_pair: Counter = Counter()
    for row in referrals.values("from_organisation__name", "to_organisation__name").annotate(n=Count("pk")):
        by_pair[f"{row['from_organisation__name']} → {row['to_organisation__name']}"] += row["n"]
    return {
        "referrals": _total(referrals.count()),
        "residents": _total(referrals.values("case__resident").distinct().count()),
        "accepted": _total(referrals.filter(accepted_at__isnull=False).count()),
        "by_category": suppress(grouped("categories__name")),
        "by_wijk": suppress(grouped("case__wijk__name")),
        "by_state": suppress({str(states.get(k, k)): n for k, n in grouped("state").items()}),
        "by_outcome": suppress(dict(by_outcome)),
        "by_partner": suppress(grouped("to_organisation__name")),
        "by_pair": suppress(dict(by_pair)),
        "by_age_band": suppress(grouped("case__resident__age_band")),
    }


def test_the_figures_are_those_of_the_distinct_counts_on_a_generated_dataset(db):
    from benchmarks.dataset import generate

    # 600 referrals over 300 cases, 6 partners, some with two categories, open and closed.
    generate(referrals=600, partners=6, open_for_one=60)
    figures = programme_figures()
    assert figures["referrals"] == 600 and figures["by_category"] and figures["by_age_band"]
    assert figures == _figures_counted_with_distinct()
