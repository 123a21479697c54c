# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A JSON log line of a request carries the same trace id as the audit entries it wrote (issue 17)."""

import io
import json
import logging

from django.conf import settings
from django.urls import reverse
from pythonjsonlogger.json import JsonFormatter

from audit.models import AuditEntry
from audit.services.trace import TraceIdFilter


def _json_lines_of(logger_name: str):
    """Capture `logger_name` with the production formatter and filter (settings.LOGGING's 'json')."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    spec = {k: v for k, v in settings.LOGGING["formatters"]["json"].items() if k != "()"}
    handler.setFormatter(JsonFormatter(**spec))
    handler.addFilter(TraceIdFilter())
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return stream, lambda: logger.removeHandler(handler)


def test_the_request_line_and_the_audit_entries_share_the_trace_id(world, draft, client):
    stream, done = _json_lines_of("overdracht.request")
    try:
        client.force_login(world.people.fatima)
        before = AuditEntry.objects.count()
        response = client.get(reverse("referral_detail", args=[draft.pk]) + "?zoek=Jansen")
    finally:
        done()
    assert response.status_code == 200
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    line = next(entry for entry in lines if entry["path"] == f"/verwijzingen/{draft.pk}/")
    assert {"time", "level", "logger", "trace_id", "method", "status", "duration_ms"} <= line.keys()
    assert (line["level"], line["logger"], line["status"]) == ("INFO", "overdracht.request", 200)
    written = AuditEntry.objects.order_by("pk")[before:]
    assert written and {entry.cid for entry in written} == {line["trace_id"]}
    assert "Jansen" not in stream.getvalue()  # the query string is not logged


def test_production_logs_json_lines_and_a_developer_plain_text():
    from tests.test_settings import PRODUCTION_ENV, manage

    code = "from django.conf import settings; print(settings.LOGGING['handlers']['console']['formatter'])"
    assert manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV).stdout.split()[-1] == "json"
    assert manage("shell", "--no-imports", "-c", code, env={}).stdout.split()[-1] == "plain"
    refused = manage("check", env={**PRODUCTION_ENV, "LOG_FORMAT": "xml"})
    assert refused.returncode != 0 and "LOG_FORMAT" in refused.stderr
