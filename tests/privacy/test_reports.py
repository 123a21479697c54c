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
    assert figures["accepted"] is SUPPRESSED
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
