# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""deploy/: the nginx site agrees with Django's headers, the units run what exists, and a backup
restored with deploy/restore.sh erases again whoever was erased after it was made.

`nginx -t` and `systemd-analyze verify` on these files run in CI (.ci/check-deploy).
"""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import get_commands
from django.db import connection

from directory.models import Organisation
from referrals.models import Resident
from referrals.services.subject_rights import resident_erase
from tests.factories import open_case
from tests.test_settings import PRODUCTION_ENV, manage

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"

# What a response from Django carries in production mode, computed there by its own middleware.
_HEADERS_IN_PRODUCTION = """
from django.http import HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory
response = SecurityMiddleware(XFrameOptionsMiddleware(lambda request: HttpResponse()))(
    RequestFactory().get("/", secure=True, HTTP_HOST="overdracht.example.nl"))
for name in ("Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
    print(f"{name}={response.headers.get(name)}")
"""


def _nginx_headers() -> dict[str, str]:
    site = (DEPLOY / "nginx" / "overdracht.conf").read_text()
    return dict(re.findall(r'^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;', site, flags=re.MULTILINE))


def test_nginx_sends_the_security_headers_django_sends_in_production():
    result = manage("shell", "--no-imports", "-c", _HEADERS_IN_PRODUCTION, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    django = dict(line.split("=", 1) for line in result.stdout.splitlines())
    nginx = _nginx_headers()
    assert {name: nginx.get(name) for name in django} == django
    # nginx hides Django's copy of each, so a browser never gets two that could differ.
    site = (DEPLOY / "nginx" / "overdracht.conf").read_text()
    assert {name for name in django if f"proxy_hide_header {name};" in site} == set(django)


def test_the_content_security_policy_is_left_to_django():
    assert "Content-Security-Policy" not in _nginx_headers()


def _daily_commands() -> list[str]:
    """The management commands the schedule (config/schedule.py) runs once a day."""
    from config.schedule import SCHEDULE
    from jobs.scheduling import COMMAND_TASK, DAY

    return [job.args[0] for job in SCHEDULE if job.task == COMMAND_TASK and job.every == DAY]


def test_the_schedule_runs_every_command_meant_to_run_daily_and_only_real_ones():
    commands = get_commands()
    daily = _daily_commands()
    assert [name for name in daily if name not in commands] == []
    # A command whose own documentation says it runs daily is in the list (run_jobs runs them).
    meant_daily = set()
    for name, app in commands.items():
        path = ROOT / app / "management" / "commands" / f"{name}.py"
        if path.exists() and "daily" in (ast.get_docstring(ast.parse(path.read_text())) or "").lower():
            meant_daily.add(name)
    assert meant_daily - {"run_jobs"} == {"end_memberships", "expire_access", "consents_expire", "erase_expired"} | {
        "detect_unusual_access"
    }
    assert meant_daily - {"run_jobs"} <= set(daily)
    assert "verify_audit" in daily


def test_the_systemd_units_start_scripts_that_exist():
    starts = []
    for unit in (DEPLOY / "systemd").glob("*.service"):
        for line in unit.read_text().splitlines():
            if line.startswith("ExecStart="):
                program = line.removeprefix("ExecStart=").split()[0].replace("/srv/overdracht/app", str(ROOT))
                starts.append(Path(program))
    scripts = [path for path in starts if ".venv" not in path.parts]
    assert {path.name for path in scripts} == {"backup.sh"}
    assert [path for path in scripts if not os.access(path, os.X_OK)] == []


def test_the_worker_and_the_scheduler_units_run_commands_that_exist_and_no_timer_runs_the_jobs_twice():
    ran = {}
    for name in ("overdracht-worker.service", "overdracht-scheduler.service"):
        unit = (DEPLOY / "systemd" / name).read_text()
        start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
        ran[name] = start.split("manage.py ")[1].split()[0]
    assert ran == {"overdracht-worker.service": "db_worker", "overdracht-scheduler.service": "run_scheduler"}
    assert set(ran.values()) <= set(get_commands())
    # The schedule replaced the hourly and daily timers; only the backup keeps one.
    assert [t.name for t in (DEPLOY / "systemd").glob("*.timer")] == ["overdracht-backup.timer"]


def _run(script: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_FILE") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [str(DEPLOY / script), *args],
        env={**clean, "PYTHON": sys.executable, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("script", ["backup.sh", "restore.sh"])
def test_backup_and_restore_refuse_a_database_that_is_not_postgresql(tmp_path, script):
    dump = tmp_path / "x.dump"
    dump.write_bytes(b"")
    args = [str(dump)] if script == "restore.sh" else []
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3", "OVERDRACHT_BACKUP_DIR": str(tmp_path)}
    result = _run(script, *args, env=env)
    assert result.returncode == 2
    assert "DATABASE_URL must name a PostgreSQL database" in result.stderr
    assert list(tmp_path.iterdir()) == [dump]


def _url(database: str) -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{database}"


@pytest.fixture
def scratch_database():
    name = f"{connection.settings_dict['NAME']}_restore"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_erases_again_who_was_erased_after_it(world, settings, tmp_path, scratch_database):
    settings.ERASURE_JOURNAL_PATH = journal = tmp_path / "erasure-journal.jsonl"
    resident = open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie).resident
    backups = tmp_path / "backups"
    env = {"ERASURE_JOURNAL_PATH": str(journal), "OVERDRACHT_BACKUP_DIR": str(backups)}

    backup = _run("backup.sh", env={**env, "DATABASE_URL": _url(connection.settings_dict["NAME"])})
    assert backup.returncode == 0, backup.stderr
    [dump] = backups.glob("overdracht-*.dump")
    anchor = dump.with_suffix(".anchor").read_text().strip()
    assert re.fullmatch(r"[0-9]+:[0-9a-f]{64}", anchor)
    assert f"Audit chain head: {anchor}" in backup.stdout
    sums = (dump.with_suffix(".sha256")).read_text()
    assert dump.name in sums and dump.with_suffix(".anchor").name in sums

    # After the backup the resident is erased: the journal gets its line, the live database
    # loses the data key. The backup still holds it.
    assert resident_erase(resident=resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    assert journal.read_text().count("\n") == 1

    restore = _run("restore.sh", str(dump), env={**env, "DATABASE_URL": _url(scratch_database)})

    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert "Dry run: 1 resident(s) would be erased again." in restore.stdout
    assert "Erased again: 1 resident(s)." in restore.stdout
    assert f"Anchor {anchor.split(':')[0]} matches" in restore.stdout
    with psycopg.connect(_url(scratch_database)) as restored:
        erased_at, data_key = restored.execute(
            f"SELECT erased_at, wrapped_data_key FROM {Resident._meta.db_table} WHERE id = %s", [resident.pk]
        ).fetchone()
        organisations = restored.execute(f"SELECT count(*) FROM {Organisation._meta.db_table}").fetchone()[0]
    assert erased_at is not None and data_key == ""
    assert organisations == Organisation.objects.count()
    # Nothing of the resident in what the scripts print.
    assert resident.pseudonym not in backup.stdout + restore.stdout + restore.stderr

    # The daily jobs run on the restored database (by hand, before the worker starts again).
    daily = manage("run_jobs", "--daily", env={**env, "DATABASE_URL": _url(scratch_database)})
    assert daily.returncode == 0, daily.stdout + daily.stderr
    assert "All 9 jobs done." in daily.stdout  # the six daily commands, the digest, two clean-ups


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_already_holds_tables(world, tmp_path):
    organisations = Organisation.objects.count()
    dump = tmp_path / "x.dump"
    dump.write_bytes(b"not used")
    result = _run("restore.sh", str(dump), env={"DATABASE_URL": _url(connection.settings_dict["NAME"])})
    assert result.returncode == 1
    assert "already has" in result.stderr and "restore into a new, empty database" in result.stderr
    assert Organisation.objects.count() == organisations
