# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The Cijfers page: only the programme manager, the figures of a period, suppressed, CSV, no personal data.

Personas (tests/conftest.py): Petra is the programme manager; everyone else gets 404. The page counts
from the last roll-up (programme.services.rollup): `figures` here rolls up first, as the job
runner would have, and tests of the page roll up before they read it.
"""

import csv
import io
from datetime import date

import pytest
from django.utils import timezone

from directory.models import ServiceTarget
from directory.services.targets import service_target_set
from policies.roles import Role
from programme.forms import FiguresForm, period_from_code
from programme.selectors import figures as figures_selector
from programme.selectors.figures import Filters, Period
from programme.services.rollup import rollup_figures
from referrals import services
from referrals.models import Case, Referral
from referrals.services import ActionRefused
from tests.factories import OrganisationFactory, UserFactory, give_consent, member, open_case

PAGES = ["/cijfers/", "/cijfers/cijfers.csv", "/cijfers/afdrukken/", "/cijfers/doelen/"]


def _referrals(world, n, *, service, family="N", target_groups=(), kompas_goals=(), wijk=None):
    """n referrals from Fatima (De Waterlelie) to `service`, through the services, each its own case."""
    made = []
    for i in range(n):
        case = open_case(
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            family_name=f"{family}{i}",
            categories=[world.categories.schulden],
            target_groups=list(target_groups),
            kompas_goals=list(kompas_goals),
            wijk=wijk,
        )
        give_consent(
            case=case,
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            recipients=[world.orgs.kredietbank, world.orgs.taalhuis],
        )
        draft = services.referral_create(
            case=case,
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            service=service,
            summary="Hulp gevraagd.",
            categories=[world.categories.schulden],
            shared_data=["contact", "summary", "needs"],
        )
        made.append(services.referral_send(referral=draft, actor=world.people.fatima))
    return made


def figures(period, filters):
    """The figures right after a roll-up of everything the test did so far."""
    rollup_figures()
    return figures_selector.figures(period, filters)


def this_year() -> Period:
    return period_from_code(str(timezone.localdate().year))


@pytest.mark.parametrize("persona", ["fatima", "ruud", "kees", "marieke", "anouk", "bas", "priya", "bea", "sami"])
def test_every_other_role_gets_404(world, client, persona):
    client.force_login(getattr(world.people, persona))
    for page in PAGES:
        assert client.get(page).status_code == 404, page
    assert client.post("/cijfers/doelen/", {"target": 5}).status_code == 404


def test_anonymous_is_sent_to_log_in(client):
    assert client.get("/cijfers/").status_code == 302


def test_a_programme_manager_whose_membership_ended_gets_404(world, client):
    from datetime import timedelta

    from accounts.models import Membership
    from accounts.selectors.actor import forget_actor

    petra = UserFactory(username="petra-weg")
    member(petra, world.orgs.gemeente, Role.PROGRAMME)
    Membership.objects.filter(user=petra).update(valid_until=timezone.localdate() - timedelta(days=1))
    forget_actor(petra)
    client.force_login(petra)
    assert client.get("/cijfers/").status_code == 404


def test_the_programme_manager_sees_the_figures_and_the_menu(world, client):
    _referrals(world, 6, service=world.services.schuldhulp)
    rollup_figures()
    client.force_login(world.people.petra)
    page = client.get("/cijfers/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'href="/cijfers/"' in html and "Cijfers" in html
    # 6 referrals sent: shown in the overview and as the total of the flow matrix.
    assert page.context["figures"].headline[0][1] == 6
    assert page.context["figures"].tables["flow"].rows[-1][1][-1] == 6


def test_figures_count_states_reasons_outcomes_flows_and_times(world):
    p = world.people
    to_bank = _referrals(world, 12, service=world.services.schuldhulp)
    _referrals(world, 6, service=world.services.taalmaatje, family="T")
    for r in to_bank[:6]:
        r = services.referral_accept(referral=r, actor=p.kees)
        r = services.referral_record_first_contact(referral=r, actor=p.kees, on=timezone.localdate(), way="phone")
        services.referral_close(referral=r, actor=p.kees, outcome="helped", note="Regeling getroffen.")
    for r in to_bank[6:11]:
        services.referral_decline(referral=r, actor=p.kees, reason="no_capacity", note="Wachtlijst.")
    result = figures(this_year(), Filters())
    headline = dict(result.headline)
    assert headline["Verstuurd"] == 18
    assert headline["Aangenomen"] == 6
    assert headline["Afgewezen"] == 5
    assert headline["Afgesloten"] == 6
    assert headline["Casussen bereikt"] == 18 and headline["Huishoudens bereikt"] == 18
    reasons = dict((label, cells[0]) for label, cells in result.tables["reasons"].rows)
    assert reasons["Geen capaciteit"] == 5 and reasons["Totaal"] == 5
    flow = result.tables["flow"]
    assert flow.columns == ["Kredietbank", "Taalhuis", "Totaal"]
    assert flow.rows == [("Kwadraad — De Waterlelie", [12, 6, 18]), ("Totaal", [12, 6, 18])]
    outcomes = dict(result.tables["outcomes"].rows)
    assert outcomes["Kredietbank"][0] == 6  # helped
    # Accepted and first contact the same day as sending.
    (label_a, median_a, p90_a), (label_c, median_c, p90_c) = result.timing
    assert (median_a, p90_a, median_c, p90_c) == (0.0, 0.0, 0, 0)


def test_filters_by_target_group_goal_and_partner(world):
    _referrals(world, 5, service=world.services.schuldhulp, target_groups=["parents"], kompas_goals=["2.2.D"])
    _referrals(world, 7, service=world.services.taalmaatje, family="T", target_groups=["newcomers"])
    period = this_year()
    assert dict(figures(period, Filters(target_group="parents")).headline)["Verstuurd"] == 5
    assert dict(figures(period, Filters(target_group="newcomers")).headline)["Verstuurd"] == 7
    assert dict(figures(period, Filters(kompas_goal="2.2.D")).headline)["Verstuurd"] == 5
    # "2.2" is not a prefix match of "2.2.D": codes match whole.
    assert dict(figures(period, Filters(kompas_goal="2.2")).headline)["Verstuurd"] == 0
    assert dict(figures(period, Filters(partner=world.orgs.taalhuis)).headline)["Verstuurd"] == 7
    assert dict(figures(period, Filters(service=world.services.schuldhulp)).headline)["Verstuurd"] == 5
    last_year = period_from_code(str(timezone.localdate().year - 1))
    assert dict(figures(last_year, Filters()).headline)["Verstuurd"] == 0


def test_small_figures_are_suppressed_and_cannot_be_derived_on_the_page(world):
    _referrals(world, 9, service=world.services.schuldhulp)
    _referrals(world, 2, service=world.services.taalmaatje, family="T")
    result = figures(this_year(), Filters())
    flow = result.tables["flow"]
    # 9 and 2 of 11: showing the 9 would give the 2 away; both hidden, the total shown.
    assert flow.rows[-1][1] == [None, None, 11]
    assert dict(result.tables["partners"].rows)["Taalhuis"][0] is None
    for table in result.tables.values():
        for _label, cells in table.rows:
            assert not any(isinstance(c, int) and 0 < c < 5 for c in cells)


def test_the_csv_has_the_page_figures_and_no_name_pseudonym_or_case_reference(world, client):
    made = _referrals(world, 6, service=world.services.schuldhulp, family="Bakkal")
    rollup_figures()
    client.force_login(world.people.petra)
    response = client.get("/cijfers/cijfers.csv", {"periode": str(timezone.localdate().year)})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["Verstuurd", "6"] in rows
    assert ["Kwadraad — De Waterlelie", "6", "6"] in rows
    cases = Case.objects.filter(referrals__in=made).select_related("resident")
    for page in (text, client.get("/cijfers/").content.decode(), client.get("/cijfers/afdrukken/").content.decode()):
        for case in cases:
            assert case.reference not in page
            assert case.resident.pseudonym not in page
        assert "Bakkal" not in page and "Sanne" not in page


def test_a_custom_period_and_a_bad_one(world, client):
    client.force_login(world.people.petra)
    page = client.get("/cijfers/", {"van": "2025-02-01", "tot": "2025-02-28"})
    assert page.context["figures"].period == Period(date(2025, 2, 1), date(2025, 3, 1), "01-02-2025 t/m 28-02-2025")
    # A half-given period is refused with a message, and the page still answers for the default year.
    page = client.get("/cijfers/", {"van": "2025-02-01"})
    assert page.status_code == 200 and "zowel" in page.content.decode()


@pytest.mark.parametrize(
    "code, start, end",
    [
        ("2025", date(2025, 1, 1), date(2026, 1, 1)),
        ("2025-H2", date(2025, 7, 1), date(2026, 1, 1)),
        ("2025-K1", date(2025, 1, 1), date(2025, 4, 1)),
        ("2025-K4", date(2025, 10, 1), date(2026, 1, 1)),
        ("2025-12", date(2025, 12, 1), date(2026, 1, 1)),
    ],
)
def test_periods(code, start, end):
    period = period_from_code(code)
    assert (period.start, period.end) == (start, end)


def test_unknown_period_codes_are_refused():
    assert period_from_code("2025-13") is None and period_from_code("2025-K5") is None
    assert not FiguresForm({"periode": "1999"}).is_valid()


def test_the_page_takes_a_fixed_number_of_queries(world, client, django_assert_max_num_queries):
    client.force_login(world.people.petra)
    _referrals(world, 3, service=world.services.schuldhulp)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rollup_figures()
    with CaptureQueriesContext(connection) as few:
        client.get("/cijfers/")
    _referrals(world, 8, service=world.services.taalmaatje, family="T")
    rollup_figures()
    with CaptureQueriesContext(connection) as more:
        client.get("/cijfers/")
    assert len(more.captured_queries) == len(few.captured_queries)


def test_the_programme_manager_sets_a_target_and_sees_the_result_beside_it(world, client):
    _referrals(world, 7, service=world.services.taalmaatje, family="T")
    year = timezone.localdate().year
    client.force_login(world.people.petra)
    response = client.post(
        "/cijfers/doelen/",
        {
            "service": world.services.taalmaatje.pk,
            "starts_on": f"{year}-01-01",
            "ends_on": f"{year}-12-31",
            "measure": "received",
            "target": 70,
        },
    )
    assert response.status_code == 302
    target = ServiceTarget.objects.get(service=world.services.taalmaatje)
    assert target.target == 70
    rows = figures(this_year(), Filters()).tables["targets"].rows
    assert rows == [("Taalmaatje (Taalhuis)", [f"01-01-{year} – 31-12-{year}", "Verwijzingen ontvangen", 70, 7])]


def test_only_the_programme_manager_may_set_a_target(world):
    with pytest.raises(ActionRefused):
        service_target_set(
            actor=world.people.marieke,
            service=world.services.schuldhulp,
            starts_on=date(2025, 1, 1),
            ends_on=date(2025, 12, 31),
            measure="accepted",
            target=10,
        )


def test_an_uninvolved_partner_with_no_referrals_is_not_listed(world):
    OrganisationFactory(slug="vidomes", name="Vidomes")
    _referrals(world, 5, service=world.services.schuldhulp)
    names = [label for label, _cells in figures(this_year(), Filters()).tables["partners"].rows]
    assert names == ["Kredietbank", "Totaal"]
    assert Referral.objects.count() == 5


def test_one_scan_on_postgresql_gives_the_figures_of_one_group_by_each(world):
    """PostgreSQL reads the period's rows once (GROUPING SETS); SQLite groups five times. Same figures."""
    from django.db import connection
    from django.utils import timezone as tz

    from programme.selectors import figures as f

    p = world.people
    made = _referrals(world, 9, service=world.services.schuldhulp, target_groups=["youth"])
    _referrals(world, 6, service=world.services.taalmaatje, family="T")
    for r in made[:7]:
        r = services.referral_accept(referral=r, actor=p.kees)
        services.referral_record_first_contact(referral=r, actor=p.kees, on=tz.localdate(), way="phone")
    services.referral_decline(referral=made[8], actor=p.kees, reason="other", note="Elders beter.")
    period = this_year()
    rollup_figures()
    qs = f.facts_in(period, Filters())
    separate = f._grouped_one_by_one(qs, "sent_month")
    if connection.vendor == "postgresql":
        together, _reach = f._grouped_in_one_scan(qs, "sent_month", first_since=None)

        def key(rows, columns):
            return sorted(sorted((k, str(row[k])) for k in (*columns, "n")) for row in rows)

        def trend(rows):
            return sorted((row["bucket"], row["is_accepted"], row["n"]) for row in rows)

        assert key(together[0], f._SETS["status"]) == key(separate[0], f._SETS["status"])
        assert key(together[1], f._SETS["flow"]) == key(separate[1], f._SETS["flow"])
        assert trend(together[2]) == trend(separate[2])
        assert together[3:] == separate[3:]
        assert sum(row["n"] for row in together[0]) == 15
    else:
        # SQLite has no GROUPING SETS: the page takes the five GROUP BYs.
        assert sum(row["n"] for row in separate[0]) == 15
        assert dict(figures(period, Filters()).headline)["Verstuurd"] == 15
