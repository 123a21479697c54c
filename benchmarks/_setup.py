# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Django for a benchmark script: a throw-away test database on the configured server (SQLite by default)."""

import os
import sys
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


@contextmanager
def benchmark_database(sqlite_file: str | None = None):
    """With `sqlite_file`, a SQLite test database is that file instead of memory (for threads)."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    # Passwords are never checked here; the slow default hasher would only add set-up time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.settings_dict["NAME"]
    if sqlite_file and connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = sqlite_file
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def school_and_kredietbank():
    """The benchmarks' small world: Fatima at a school refers to the Kredietbank's Schuldhulp."""
    from types import SimpleNamespace

    from policies.roles import Role
    from tests.factories import CategoryFactory, OrganisationFactory, ServiceFactory, UserFactory, member

    schulden = CategoryFactory(code="schulden", name="Schulden")
    school = OrganisationFactory(slug="waterlelie", name="Kwadraad — De Waterlelie")
    bank = OrganisationFactory(slug="kredietbank", name="Kredietbank", kind="debt")
    return SimpleNamespace(
        schulden=schulden,
        school=school,
        bank=bank,
        service=ServiceFactory(organisation=bank, name="Schuldhulp", categories=[schulden]),
        fatima=member(UserFactory(username="fatima"), school, Role.REFERRER),
    )
