"""Personas and shared fixtures.

The personas (CONVENTIONS.md), and what each may see:
- Fatima: brugfunctionaris (referrer) at IKEC De Waterlelie — opens cases, sends, follows them.
- Ruud: leefbaarheidsregisseur — regisseur of cases he is given; sees the whole case.
- Kees: intake at the Kredietbank — his organisation's inbox; content only once he accepts.
- Marieke: coordinator at the Kredietbank — all of intake for the organisation, assigns.
- Anouk: intake at the Taalhuis — the next partner in a warm forward.
- Bas: intake at Woej, a partner that was never involved — must see nothing.
- Priya: privacy officer — audit metadata only, never case content.
- Bea: functional administrator — partners and users, never case content.
- Sami: signaller (sleutelfiguur) registered with the Kredietbank — sees no case data.
- Petra: programme manager — aggregated reports only.
"""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connection

from policies.roles import Role
from tests.factories import (
    CategoryFactory,
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
    give_consent,
    member,
    open_case,
)


def pytest_configure(config):

    # Password hashing is deliberately slow; tests log in hundreds of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are deselected (not skipped) on SQLite; CI runs both databases."""
    if connection.vendor == "postgresql":
        return
    selected, deselected = [], []
    for item in items:
        (deselected if item.get_closest_marker("postgres") else selected).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is a failure here: every test must be able to run in CI."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        reporter.write_line("FAILED: skipped tests are not allowed", red=True)
        session.exitstatus = 1


@pytest.fixture
def world(db):
    schulden = CategoryFactory(code="schulden", name="Schulden")
    taal = CategoryFactory(code="nt2", name="Nederlands als tweede taal")
    orgs = SimpleNamespace(
        waterlelie=OrganisationFactory(slug="waterlelie", name="Kwadraad — De Waterlelie"),
        gemeente=OrganisationFactory(slug="gemeente", name="Gemeente", kind="municipality"),
        kredietbank=OrganisationFactory(slug="kredietbank", name="Kredietbank", kind="debt"),
        taalhuis=OrganisationFactory(slug="taalhuis", name="Taalhuis", kind="language"),
        woej=OrganisationFactory(slug="woej", name="Woej"),
    )
    services_ = SimpleNamespace(
        schuldhulp=ServiceFactory(organisation=orgs.kredietbank, name="Schuldhulp", categories=[schulden]),
        taalmaatje=ServiceFactory(organisation=orgs.taalhuis, name="Taalmaatje", categories=[taal]),
        woej=ServiceFactory(organisation=orgs.woej, name="Buurtkamer", categories=[schulden]),
    )
    people = SimpleNamespace(
        fatima=member(UserFactory(username="fatima"), orgs.waterlelie, Role.REFERRER),
        ruud=member(UserFactory(username="ruud"), orgs.gemeente, Role.REGISSEUR),
        kees=member(UserFactory(username="kees"), orgs.kredietbank, Role.INTAKE),
        marieke=member(UserFactory(username="marieke"), orgs.kredietbank, Role.COORDINATOR),
        kees2=member(UserFactory(username="joost"), orgs.kredietbank, Role.INTAKE),
        anouk=member(UserFactory(username="anouk"), orgs.taalhuis, Role.INTAKE),
        bas=member(UserFactory(username="bas"), orgs.woej, Role.INTAKE),
        priya=member(UserFactory(username="priya"), orgs.gemeente, Role.PRIVACY_OFFICER),
        bea=member(UserFactory(username="bea"), orgs.gemeente, Role.ADMIN),
        sami=member(UserFactory(username="sami"), orgs.kredietbank, Role.SIGNALLER),
        petra=member(UserFactory(username="petra"), orgs.gemeente, Role.PROGRAMME),
    )
    return SimpleNamespace(orgs=orgs, services=services_, people=people, categories=SimpleNamespace(
        schulden=schulden, taal=taal))


@pytest.fixture
def case(world):
    p, o = world.people, world.orgs
    case = open_case(actor=p.fatima, organisation=o.waterlelie, categories=[world.categories.schulden])
    give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank, o.taalhuis])
    return case


@pytest.fixture
def draft(world, case):
    from referrals import services

    return services.referral_create(
        case=case, actor=world.people.fatima, organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp, summary="Aanmaningen van de energieleverancier; wil hulp.",
        categories=[world.categories.schulden], shared_data=["contact", "summary", "needs"],
    )
