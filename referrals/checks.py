# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Are the keys right? Asked at start (config/wsgi.py, asgi.py), by `check --deploy` and by /health/.

Two kinds of problem, each described without any secret in it:
- the configuration: a malformed, short or non-random master key, and in
  production mode the published development values or a weak RESIDENT_MATCH_KEY
  (checked on every `manage.py check`, no database needed);
- a master key whose bytes differ from the key check recorded for its id
  (referrals.models.key_checks; needs the database, so a deployment check).
Wrapping a data key asks the same key checks itself (key_checks.wrapping_key),
so even a process that skipped all of this never wraps with a wrong key.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection

from referrals.models import crypto, key_checks

logger = logging.getLogger(__name__)

# A match key guards names + birth years against guessing: with a short or
# repetitive key, every hash in the table can be tried against a list of names.
MATCH_KEY_MIN_LENGTH = 32
MATCH_KEY_MIN_DIFFERENT_CHARACTERS = 10

CONFIGURATION = "configuration"
MISMATCH = "mismatch"


@dataclass(frozen=True)
class KeyProblem:
    kind: str  # CONFIGURATION or MISMATCH
    message: str  # for the operator; names settings and key ids, never key material


def configuration_problems() -> list[KeyProblem]:
    problems = []
    try:
        masters = crypto.keyring()
    except ImproperlyConfigured as exc:
        problems.append(str(exc))
        masters = []
    problems += [refusal for master in masters if (refusal := key_checks.production_refusal(master))]
    if settings.PRODUCTION:
        problems += _weak_production_secrets()
    return [KeyProblem(CONFIGURATION, message) for message in problems]


def _weak_production_secrets() -> list[str]:
    problems = []
    match_key = settings.RESIDENT_MATCH_KEY
    if match_key == settings.DEVELOPMENT_SECRETS["RESIDENT_MATCH_KEY"]:
        problems.append("RESIDENT_MATCH_KEY is the development key, published with the source code.")
    elif len(match_key) < MATCH_KEY_MIN_LENGTH or len(set(match_key)) < MATCH_KEY_MIN_DIFFERENT_CHARACTERS:
        problems.append(
            f"RESIDENT_MATCH_KEY is weak: use at least {MATCH_KEY_MIN_LENGTH} random characters (see README, Keys)."
        )
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRETS["SECRET_KEY"]:
        problems.append("SECRET_KEY is the development key, published with the source code.")
    return problems


def database_problems() -> list[KeyProblem]:
    """Every configured master key against its key check; raises DatabaseError when the database cannot tell."""
    try:
        masters = crypto.keyring()
    except ImproperlyConfigured:
        return []  # reported by configuration_problems
    return [KeyProblem(MISMATCH, problem) for master in masters if (problem := key_checks.verify(master))]


def key_problems() -> list[KeyProblem]:
    return configuration_problems() + database_problems()


def database_problems_if_it_answers() -> list[KeyProblem] | None:
    """database_problems(), or None when the database does not answer.

    Before `migrate` has made the key checks table nothing is recorded yet: no problem to report.
    """
    try:
        if key_checks.KeyCheck._meta.db_table not in connection.introspection.table_names():
            return []
        return database_problems()
    except DatabaseError:
        return None


@checks.register(checks.Tags.security)
def key_configuration_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return [checks.Error(problem.message, id="referrals.E001") for problem in configuration_problems()]


# A deployment check reads the database although `check --deploy` was given no
# --database: comparing the keys with their key checks is the point of running it.
@checks.register(checks.Tags.security, deploy=True)
def master_key_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    problems = database_problems_if_it_answers()
    if problems is None:
        return [
            checks.Warning(
                "The master keys could not be compared with their key checks: the database did not answer.",
                hint="Run `manage.py check --deploy` again when the database is reachable.",
                id="referrals.W001",
            )
        ]
    return [checks.Error(problem.message, id="referrals.E002") for problem in problems]


def refuse_to_start_with_key_problems() -> None:
    """At the start of an app server: stop with every key problem named (config/wsgi.py, asgi.py).

    A database that does not answer yet does not stop the start (the service
    could not work anyway, and /health/ says so); wrapping checks the key again.
    """
    problems = configuration_problems()
    found = database_problems_if_it_answers()
    if found is None:
        logger.warning("keys: the master keys could not be compared with their key checks (no database)")
    problems += found or []
    if problems:
        raise key_checks.KeyCheckFailed("Refusing to start: " + " ".join(p.message for p in problems))
