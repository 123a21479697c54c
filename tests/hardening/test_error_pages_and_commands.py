# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Error pages say what happened in Dutch and give the trace id, nothing more; management commands
answer a bad argument with their usage, not a traceback (issue 11, point 8)."""

import io
import logging
import re
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class
from django.test import RequestFactory

from audit.services.trace import TraceIdFilter, new_trace
from audit.views.errors import server_error

TRACE = re.compile(r"<code[^>]*>([0-9a-f]{32})</code>")


@pytest.fixture
def console_log():
    """What the configured console handler (settings.LOGGING) writes, as text."""
    [console] = [h for h in logging.getLogger().handlers if any(isinstance(f, TraceIdFilter) for f in h.filters)]
    written = io.StringIO()
    previous = console.setStream(written)
    yield written
    console.setStream(previous)


@pytest.mark.urls("tests.hardening.error_urls")
def test_a_server_error_shows_the_trace_id_under_which_it_is_logged(client, console_log):
    client.raise_request_exception = False
    response = client.get("/fout/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html and 'class="voorbeeld-theme od-theme utrecht-document utrecht-page-body"' in html
    [trace_id] = TRACE.findall(html)
    # No details: not the exception, not what it carried.
    assert "RuntimeError" not in html and "Jansen" not in html and "Traceback" not in html
    # The log line of the error names the same trace id, so the administrator can find it.
    assert f"[{trace_id}] Internal Server Error: /fout/" in console_log.getvalue()


@pytest.mark.urls("tests.hardening.error_urls")
def test_a_bad_request_has_its_own_page(client):
    response = client.get("/onleesbaar/")
    assert response.status_code == 400
    assert "Dit verzoek klopt niet" in response.content.decode()


def test_the_error_page_needs_no_request_context():
    # A bare request: no user, no session, no messages — what is left when middleware broke.
    trace_id = new_trace()
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert TRACE.findall(response.content.decode()) == [trace_id]


def test_the_error_page_answers_when_its_own_template_is_broken(settings, tmp_path):
    (tmp_path / "500.html").write_text("{% extends 'does-not-exist.html' %}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    trace_id = new_trace()
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert TRACE.findall(response.content.decode()) == [trace_id]


# --- management commands -----------------------------------------------------------------------

# (command, bad arguments): every command of ours, each with what an operator might mistype.
BAD_ARGUMENTS = [
    ("detect_unusual_access", ["--day", "9999-12-31"]),  # the day after does not exist
    ("detect_unusual_access", ["--day", "0001-01-01"]),  # 28 days before does not exist
    ("detect_unusual_access", ["--day", "10000-01-01"]),
    ("detect_unusual_access", ["--day", "gisteren"]),
    ("export_audit", ["--since", "0001-01-01"]),
    ("export_audit", ["--until", "9999-12-31"]),
    ("export_audit", ["--since", "2026-13-01"]),
    ("export_audit", ["--format", "xlsx"]),
    ("verify_audit", ["--chunk-size", "0"]),
    ("verify_audit", ["--chunk-size", "-1"]),
    ("verify_audit", ["--chunk-size", "veel"]),
    ("verify_audit", ["--jobs", "0"]),
    ("verify_audit", ["--jobs", "alle"]),
    ("rotate_master_key", ["--batch-size", "-3"]),
    ("rotate_master_key", ["--batch-size", "0"]),
    ("erase_expired", ["--dry-run", "ja"]),
    ("consents_expire", ["--day", "2026-01-01"]),
    ("expire_access", ["--all"]),
    ("load_demo_data", ["--cases"]),
    ("processing_register", ["--format", "pdf"]),
    ("reapply_erasures", ["--dry-run", "ja"]),
    ("reapply_erasures", ["--journal"]),
    ("end_memberships", ["--day", "2026-01-01"]),
    ("enrolment_link", []),  # no username
    ("escalate_overdue", ["--now"]),
]


def _run(name, args):
    """As `manage.py name args` would: returns the exit status (any other exception is a traceback)."""
    command = load_command_class(get_commands()[name], name)
    with pytest.raises(SystemExit) as exited:
        command.run_from_argv(["manage.py", name, *args])
    return exited.value.code


@pytest.mark.parametrize(("name", "args"), BAD_ARGUMENTS, ids=[f"{n} {' '.join(a)}" for n, a in BAD_ARGUMENTS])
def test_a_bad_argument_prints_the_usage(name, args, capsys):
    assert _run(name, args) == 2
    err = capsys.readouterr().err
    assert f"usage: manage.py {name}" in err
    assert "error: " in err and "Traceback" not in err


def test_every_command_of_ours_is_covered():
    ours = {
        path.stem
        for app in ("audit", "referrals", "accounts", "directory")
        for path in Path(app, "management", "commands").glob("[!_]*.py")
    }
    assert ours == {name for name, _ in BAD_ARGUMENTS}


def test_an_output_file_that_cannot_be_written_is_an_error_message(capsys, tmp_path):
    target = tmp_path / "no-such-folder" / "logboek.jsonl"
    assert _run("export_audit", ["--output", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("CommandError: cannot write") and "Traceback" not in err
