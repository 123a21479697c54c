# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
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
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import override_settings

from directory.models import Category, Organisation, Service
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
    _flush_past_the_audit_guards()


AUDIT_TABLES = ("referrals_auditentry", "referrals_auditchainhead")


def _flush_past_the_audit_guards():
    """Let a test database be flushed although PostgreSQL refuses to TRUNCATE the audit trail.

    Transactional tests are cleaned up with `flush`: one TRUNCATE of every table, which the
    audit tables' triggers (audit.0003_truncate_and_head_guard) refuse. The flush here switches
    those tables' triggers off, truncates and switches them on again, all in the flush's own
    transaction (Django runs a flush in one; PostgreSQL's ALTER TABLE is transactional): no
    other connection ever sees them off, and a failed flush rolls the switch back with it.
    Not `session_replication_role = replica`: that needs a superuser and would also switch off
    the foreign-key checks of the whole session. Not a setting the trigger consults: the
    service's own user could set it as well and wipe the trail.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    sql_flush = DatabaseOperations.sql_flush

    def sql_flush_with_audit_guards_off(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        statements = sql_flush(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        guarded = [table for table in AUDIT_TABLES if table in tables]
        if not statements or not guarded:
            return statements
        return (
            [f"ALTER TABLE {table} DISABLE TRIGGER USER;" for table in guarded]
            + statements
            + [f"ALTER TABLE {table} ENABLE TRIGGER USER;" for table in guarded]
        )

    DatabaseOperations.sql_flush = sql_flush_with_audit_guards_off


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are deselected (not skipped) on SQLite, the read replica's without one;
    CI runs both databases, PostgreSQL with a streaming standby (.ci/run).

    The rest run in the order of `_database_use` (pytest-django's order, refined for the shared world).
    """
    needs = {"postgres": connection.vendor == "postgresql", "replica": bool(settings.DATABASE_READ_REPLICA)}
    missing = [marker for marker, present in needs.items() if not present]
    if missing:
        selected, deselected = [], []
        for item in items:
            (deselected if any(item.get_closest_marker(m) for m in missing) else selected).append(item)
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = selected
    items.sort(key=_database_use)


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is a failure here: every test must be able to run in CI."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        reporter.write_line("FAILED: skipped tests are not allowed", red=True)
        session.exitstatus = 1


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """The read replica is a standby of the primary: the tests never create or flush a database there.

    Declared a test mirror of the default database for that; Django then points the mirror's
    connection at the primary, which `django_db_setup` below undoes.
    """
    if settings.DATABASE_READ_REPLICA:
        connections[settings.DATABASE_READ_REPLICA].settings_dict["TEST"]["MIRROR"] = DEFAULT_DB_ALIAS


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The replica alias reads the test database on the standby itself, which replays its creation."""
    alias = settings.DATABASE_READ_REPLICA
    if alias:
        standby = settings.DATABASES[alias]  # what every thread's connection to it is made from
        standby["NAME"] = connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]
        connections[alias].close()
        connections[alias].settings_dict = standby
    yield


@pytest.fixture(autouse=True)
def _replica_only_where_marked(request):
    """Only `replica` tests read from the standby: the others' data is not waited for there.

    A transactional test's pages would otherwise read rows the standby may not have replayed yet.
    """
    if not settings.DATABASE_READ_REPLICA or request.node.get_closest_marker("replica"):
        yield
        return
    with override_settings(DATABASE_READ_REPLICA=""):
        yield


@pytest.fixture(scope="session", autouse=True)
def _erasure_journal(tmp_path_factory):
    """Every erasure appends to the erasure journal: the tests' go to a scratch file, not the project's."""
    settings.ERASURE_JOURNAL_PATH = tmp_path_factory.mktemp("erasure-journal") / "erasure-journal.jsonl"


# The world: organisations, services and the personas with their memberships.
ORGANISATIONS = {  # slug: name, kind
    "waterlelie": ("Kwadraad — De Waterlelie", "social_work"),
    "gemeente": ("Gemeente", "municipality"),
    "kredietbank": ("Kredietbank", "debt"),
    "taalhuis": ("Taalhuis", "language"),
    "woej": ("Woej", "social_work"),
}
CATEGORIES = {"schulden": ("schulden", "Schulden"), "taal": ("nt2", "Nederlands als tweede taal")}
SERVICES = {  # attribute: organisation, name, category
    "schuldhulp": ("kredietbank", "Schuldhulp", "schulden"),
    "taalmaatje": ("taalhuis", "Taalmaatje", "taal"),
    "woej": ("woej", "Buurtkamer", "schulden"),
}
PERSONAS = {  # attribute: username, organisation, role
    "fatima": ("fatima", "waterlelie", Role.REFERRER),
    "ruud": ("ruud", "gemeente", Role.REGISSEUR),
    "kees": ("kees", "kredietbank", Role.INTAKE),
    "marieke": ("marieke", "kredietbank", Role.COORDINATOR),
    "kees2": ("joost", "kredietbank", Role.INTAKE),
    "anouk": ("anouk", "taalhuis", Role.INTAKE),
    "bas": ("bas", "woej", Role.INTAKE),
    "priya": ("priya", "gemeente", Role.PRIVACY_OFFICER),
    "bea": ("bea", "gemeente", Role.ADMIN),
    "sami": ("sami", "kredietbank", Role.SIGNALLER),
    "petra": ("petra", "gemeente", Role.PROGRAMME),
}


def _build_world():
    """Write the world's rows; what exists already (looked up by its natural key) is kept."""
    categories = {attr: CategoryFactory(code=code, name=name) for attr, (code, name) in CATEGORIES.items()}
    orgs = {slug: OrganisationFactory(slug=slug, name=name, kind=kind) for slug, (name, kind) in ORGANISATIONS.items()}
    for org, name, category in SERVICES.values():
        if not Service.objects.filter(organisation=orgs[org], name=name).exists():
            ServiceFactory(organisation=orgs[org], name=name, categories=[categories[category]])
    for username, org, role in PERSONAS.values():
        member(UserFactory(username=username), orgs[org], role)


def _read_world():
    """Fresh instances of the world's rows (four queries), or None when any is missing."""
    orgs = Organisation.objects.in_bulk(list(ORGANISATIONS), field_name="slug")
    categories = Category.objects.in_bulk([code for code, _ in CATEGORIES.values()], field_name="code")
    users = get_user_model().objects.in_bulk([u for u, _, _ in PERSONAS.values()], field_name="username")
    services_ = {
        (s.organisation.slug, s.name): s
        for s in Service.objects.select_related("organisation").filter(
            organisation__slug__in=ORGANISATIONS, name__in=[name for _, name, _ in SERVICES.values()]
        )
    }
    if (len(orgs), len(categories), len(users), len(services_)) != (
        len(ORGANISATIONS),
        len(CATEGORIES),
        len(PERSONAS),
        len(SERVICES),
    ):
        return None
    return SimpleNamespace(
        orgs=SimpleNamespace(**orgs),
        services=SimpleNamespace(**{attr: services_[org, name] for attr, (org, name, _) in SERVICES.items()}),
        people=SimpleNamespace(**{attr: users[username] for attr, (username, _, _) in PERSONAS.items()}),
        categories=SimpleNamespace(**{attr: categories[code] for attr, (code, _) in CATEGORIES.items()}),
    )


# The world is the same for every test, so it is written once per session and committed; each
# test reads its own fresh instances, and what a test changes rolls back with the test's
# transaction. That breaks the isolation of two kinds of tests, which the order below handles:
# - a test that does not ask for the world must not see its rows: such tests run first, before
#   the world is written;
# - a transactional test (django_db(transaction=True), live_server: the browser tests, real row
#   locks, migrations) commits and flushes the database after itself, the world included. Those
#   run after every other database test (as pytest-django orders them), and from then on `world`
#   writes whatever is missing again, as part of the test's own committed data.
_world_committed = False


def _database_use(item) -> int:
    """Order: 0 database without the world, 1 database with it, 2/3 transactional with/without, 4 none."""
    fixtures = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    transactional = (
        (marker is not None and bool(marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )
    if transactional:
        return 2 if "world" in fixtures else 3
    if marker is not None or "db" in fixtures:
        return 1 if "world" in fixtures else 0
    return 4


@pytest.fixture(scope="session")
def _shared_world(django_db_setup, django_db_blocker):
    global _world_committed
    with django_db_blocker.unblock():
        _build_world()
    _world_committed = True


@pytest.fixture(autouse=True)
def _shared_world_isolation(request, django_db_blocker):
    global _world_committed
    use = _database_use(request.node)
    if use == 0 and _world_committed:
        pytest.fail("a test without the world ran after the world was committed; see _database_use")
    if use == 3 and _world_committed:
        # A transactional test without the world must not see it either; it would be flushed after it anyway.
        with django_db_blocker.unblock():
            call_command("flush", verbosity=0, interactive=False)
    if use in (2, 3):
        _world_committed = False  # the test flushes the database after itself


@pytest.fixture
def world(_shared_world, db):
    world = _read_world()
    if world is None:  # flushed by a transactional test
        _build_world()
        world = _read_world()
    return world


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
        case=case,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp,
        summary="Aanmaningen van de energieleverancier; wil hulp.",
        categories=[world.categories.schulden],
        shared_data=["contact", "summary", "needs"],
    )


@pytest.fixture
def threads_share_the_database(transactional_db, tmp_path):
    """Threads write to one database as server processes do: on SQLite, a file copy of the test database.

    The in-memory SQLite test database is shared-cache, whose table locks fail at once
    ("database table is locked") where a file's locks wait, so a race on it says nothing about
    a deployment. For the test, every connection (each thread opens its own) goes to a file with
    the same committed rows; the in-memory one is kept open aside (closing it would drop it) and
    comes back afterwards, to be flushed like after any transactional test. PostgreSQL: nothing to do.
    """
    if connection.vendor != "sqlite":
        yield
        return
    import sqlite3

    connection.ensure_connection()
    in_memory, name = connection.connection, connection.settings_dict["NAME"]
    path = str(tmp_path / "threads.sqlite3")
    copy = sqlite3.connect(path)
    in_memory.backup(copy)
    copy.close()
    connection.settings_dict["NAME"] = path  # the same dict every thread's connection is made from
    connection.connection = None
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = in_memory


@pytest.fixture(scope="session")
def oidc_provider():
    """A real OpenID Connect provider process (oidc-provider-mock) on loopback, for the whole session."""
    from tests.oidc_provider import running_provider

    with running_provider() as provider:
        yield provider


@pytest.fixture
def oidc(oidc_provider, settings):
    """Single sign-on configured against the running provider, as an installation's environment would."""
    import copy
    from urllib.parse import urlsplit

    for name, value in oidc_provider.settings().items():
        setattr(settings, name, value)
    # What config/settings.py derives from OIDC_OP_LOGOUT_ENDPOINT: the logout form may go there.
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    logout = urlsplit(settings.OIDC_OP_LOGOUT_ENDPOINT)
    policy["DIRECTIVES"]["form-action"].append(f"{logout.scheme}://{logout.netloc}")
    settings.CONTENT_SECURITY_POLICY = policy
    return oidc_provider
