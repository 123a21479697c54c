# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Settings come from the environment; production mode is strict and complete."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "OVERDRACHT_PRODUCTION": "1",
    "SECRET_KEY": "x" * 20 + "production-secret-key-with-enough-entropy-1234567890",
    "FIELD_ENCRYPTION_KEYS": "k1:H_LCog5bEDabc33ng_Y5czb6YVopL9OJQTKrl5zkTsE=",
    "RESIDENT_MATCH_KEY": "production-match-key-0123456789abcdef",
    "ALLOWED_HOSTS": "overdracht.example.nl",
    "DATABASE_URL": "sqlite:////tmp/overdracht-settings-test.sqlite3",
    "ERASURE_JOURNAL_PATH": "/tmp/overdracht-settings-test-erasure-journal.jsonl",
    "ERASURE_JOURNAL_KEY": "production-erasure-journal-key-0123456789",
}


def manage(*args, env):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for this process; a real deployment has none.
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION_ENV and not k.endswith("_FILE") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production_mode():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "name, value",
    [
        ("FIELD_ENCRYPTION_KEYS", "k1:ZGV2LW9ubHktbWFzdGVyLWtleS0zMi1ieXRlcyEhISE="),  # the development key
        ("RESIDENT_MATCH_KEY", "dev-only-resident-match-key"),
        ("RESIDENT_MATCH_KEY", "geheim"),
    ],
)
def test_check_deploy_refuses_published_or_weak_keys_in_production(name, value):
    result = manage("check", "--deploy", env={**PRODUCTION_ENV, name: value})
    assert result.returncode != 0
    assert "referrals.E001" in result.stderr and name in result.stderr
    assert value not in result.stderr


@pytest.mark.parametrize(
    "missing",
    [
        "SECRET_KEY",
        "FIELD_ENCRYPTION_KEYS",
        "RESIDENT_MATCH_KEY",
        "ALLOWED_HOSTS",
        "ERASURE_JOURNAL_PATH",
        "ERASURE_JOURNAL_KEY",
    ],
)
def test_a_missing_secret_in_production_fails_at_start_and_names_it(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_a_secret_can_come_from_a_file(tmp_path):
    secret_file = tmp_path / "secret_key"
    secret_file.write_text(PRODUCTION_ENV["SECRET_KEY"] + "\n")
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    env["SECRET_KEY_FILE"] = str(secret_file)
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr


def test_production_mode_is_secure_by_default():
    code = (
        "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_SSL_REDIRECT, s.REQUIRE_TWO_FACTOR, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.split() == ["False", "True", "True", "True", "True", "True"], result.stderr


def test_debug_is_off_unless_asked():
    code = "from django.conf import settings as s; print(s.DEBUG)"
    assert manage("shell", "--no-imports", "-c", code, env={}).stdout.strip() == "False"
    assert manage("shell", "--no-imports", "-c", code, env={"DEBUG": "1"}).stdout.strip() == "True"


def test_database_url_selects_the_database():
    code = "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'])"
    result = manage("shell", "--no-imports", "-c", code, env={"DATABASE_URL": "postgres://u:p@127.0.0.1:5432/x"})
    assert result.stdout.strip() == "django.db.backends.postgresql"
    assert manage("shell", "--no-imports", "-c", code, env={}).stdout.strip() == "django.db.backends.sqlite3"


def test_debug_cannot_be_switched_on_in_production():
    result = manage("check", env={**PRODUCTION_ENV, "DEBUG": "1"})
    assert result.returncode != 0 and "DEBUG cannot be on in production" in result.stderr


@pytest.mark.parametrize(
    "name, typo",
    [
        ("OVERDRACHT_PRODUCTION", "ture"),  # must never fall back to development mode and its published keys
        ("REQUIRE_TWO_FACTOR", "of"),
        ("DEBUG", "ja"),
        ("SESSION_IDLE_MINUTES", "30m"),
        ("AXES_FAILURE_LIMIT", "five"),
        ("LOG_LEVEL", "LOUD"),
        ("DATABASE_URL", "postgress://u:p@127.0.0.1:5432/x"),
    ],
)
def test_a_malformed_value_fails_at_start_and_names_it(name, typo):
    result = manage("check", env={name: typo})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name in result.stderr


def test_a_malformed_value_fails_in_production_mode_too():
    result = manage("check", env={**PRODUCTION_ENV, "REQUIRE_TWO_FACTOR": "of"})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "REQUIRE_TWO_FACTOR" in result.stderr


def test_an_empty_variable_means_its_default():
    code = "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_AGE, s.ALLOWED_HOSTS)"
    result = manage("shell", "--no-imports", "-c", code, env={"DEBUG": "", "SESSION_IDLE_MINUTES": ""})
    assert result.stdout.strip() == "False 1800 ['127.0.0.1', 'localhost', 'testserver']", result.stderr


def test_a_list_ignores_spaces_and_empty_items():
    code = "from django.conf import settings as s; print(s.ALLOWED_HOSTS)"
    result = manage("shell", "--no-imports", "-c", code, env={"ALLOWED_HOSTS": " a.example.nl, b.example.nl,"})
    assert result.stdout.strip() == "['a.example.nl', 'b.example.nl']", result.stderr


def test_an_unreadable_secret_file_fails_at_start_and_names_it(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    env["SECRET_KEY_FILE"] = str(tmp_path / "missing")
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY_FILE" in result.stderr


def test_the_erasure_journal_must_be_an_absolute_path_its_process_can_append_to(tmp_path):
    result = manage("check", env={"ERASURE_JOURNAL_PATH": "erasure-journal.jsonl"})
    assert result.returncode != 0 and "ERASURE_JOURNAL_PATH must be an absolute path" in result.stderr
    # A directory that is not there (a volume that was not mounted) stops `check --deploy`.
    missing = str(tmp_path / "not-mounted" / "erasure-journal.jsonl")
    result = manage("check", "--deploy", env={**PRODUCTION_ENV, "ERASURE_JOURNAL_PATH": missing})
    assert result.returncode != 0 and f"ERASURE_JOURNAL_PATH {missing} is not a file" in result.stderr


def test_a_short_erasure_journal_key_fails_in_production():
    result = manage("check", env={**PRODUCTION_ENV, "ERASURE_JOURNAL_KEY": "short"})
    assert result.returncode != 0 and "ERASURE_JOURNAL_KEY must be at least 32" in result.stderr


@pytest.mark.parametrize("switch, prepared", [({}, True), ({"DB_PREPARED_STATEMENTS": "false"}, False)])
def test_postgresql_connections_prepare_their_statements_unless_switched_off(switch, prepared):
    show = "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS']; print(o.get('server_side_binding'), o.get('prepare_threshold'))"
    env = {"DATABASE_URL": "postgres://overdracht@127.0.0.1:5432/overdracht", **switch}
    result = manage("shell", "-c", show, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == (["True", "2"] if prepared else ["None", "None"])


@pytest.mark.django_db
def test_a_statement_run_twice_is_planned_once_per_connection_on_postgresql():
    from django.db import connection

    from directory.models import Organisation

    for _ in range(3):
        list(Organisation.objects.filter(slug="kredietbank"))
    if connection.vendor != "postgresql":
        # SQLite has no server to plan on: its options are the lock wait and IMMEDIATE, no binding mode.
        assert "server_side_binding" not in connection.settings_dict["OPTIONS"]
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%"referrals_organisation"."slug" = $1%'],
        )
        assert cursor.fetchone()[0] == 1
