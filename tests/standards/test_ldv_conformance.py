# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The audit trail conforms to Logboek Dataverwerkingen and its *extensie lezen* (issue 16, point 3).

One trace per operation (request, command run, job run), actions with their parent, status_code,
failed and refused actions recorded, times in milliseconds, string attributes, nothing empty where
the standard says absent, the caller's `traceparent` as `foreign_operation` and ours on the
response; the export and the read API validated against the standards' own schema files.
"""

from __future__ import annotations

import json
import time
import uuid

import pytest
from auditlog.context import set_actor
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEntry
from audit.selectors.export import logboek_record
from audit.services.trace import UNKNOWN_CALLER, TracedCommand, operation, traced
from audit.services.trail import log_access
from policies.register import ACTIVITIES
from referrals import services
from tests.standards import schemas

CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"
CALLER = f"00-{CALLER_TRACE}-{CALLER_SPAN}-01"


def _export(client) -> list[dict]:
    response = client.get(reverse("privacy:export", args=["jsonl"]))
    assert response.status_code == 200
    return [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]


def _handover(world, draft, client):
    """A realistic handover: each step its own operation, as each would be its own request."""
    p = world.people
    for actor, step in [
        (p.fatima, lambda: services.referral_send(referral=draft, actor=p.fatima)),
        (p.kees, lambda: services.referral_accept(referral=draft, actor=p.kees)),
    ]:
        with operation("test request"), set_actor(actor):
            step()
    client.force_login(p.kees)  # reads the accepted referral: an ACCESS entry with the resident's pseudonym
    assert client.get(reverse("referral_detail", args=[draft.pk]), HTTP_TRACEPARENT=CALLER).status_code == 200
    client.force_login(p.bas)  # not involved: refused (404), recorded
    assert client.get(reverse("referral_detail", args=[draft.pk])).status_code == 404


def test_a_handovers_export_validates_against_the_standards_schemas(client, world, draft):
    _handover(world, draft, client)
    client.force_login(world.people.priya)
    records = _export(client)
    validator = schemas.core_record_validator()
    problems = {r["attributes"]["overdracht.entry_id"]: schemas.errors(validator, r) for r in records}
    assert records and not any(problems.values()), problems
    by_outcome = {r["attributes"]["overdracht.outcome"] for r in records}
    assert {"ok", "refused"} <= by_outcome
    refused = [r for r in records if r["attributes"]["overdracht.outcome"] == "refused"]
    assert {r["status_code"] for r in refused} == {2}  # STATUS_CODE_ERROR
    assert all(r["start_time"] <= r["end_time"] for r in records)
    now_ms = time.time() * 1000
    # Milliseconds (not seconds, not microseconds): within the last day (the shared world was written at session start).
    assert all(now_ms - 86_400_000 < r["end_time"] <= now_ms + 1000 for r in records)
    # The caller's trace is recorded as the caller's, not made ours.
    called = [r for r in records if "foreign_operation" in r]
    assert called and all(r["trace_id"] != CALLER_TRACE for r in called)
    assert called[0]["foreign_operation"] == {
        "trace_id": CALLER_TRACE,
        "span_id": CALLER_SPAN,
        "entity": UNKNOWN_CALLER,
    }


def test_the_read_api_answers_in_the_shape_of_the_extensie_lezen(client, world, draft):
    _handover(world, draft, client)
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS, pseudonym=draft.case.resident.pseudonym).last()
    client.force_login(world.people.priya)
    url = reverse("privacy:ldv_read")
    body = {"traceId": str(uuid.UUID(hex=entry.cid))}
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 200 and response["API-Version"] == "1.1.0"
    answer = response.json()
    assert schemas.errors(schemas.lezen_validator("ListProcessingActivities"), answer) == []
    assert answer["processingActivities"] and {a["traceId"] for a in answer["processingActivities"]} == {
        body["traceId"]
    }
    # By data subject, and the request itself validates against the API's request schema.
    by_subject = {"dpl.core.data_subject_id": draft.case.resident.pseudonym}
    assert schemas.errors(schemas.lezen_validator("ProcessingActivityRequest"), by_subject) == []
    found = client.post(url, by_subject, content_type="application/json").json()["processingActivities"]
    assert {a["attributes"]["dpl.core.data_subject_id"] for a in found} == {draft.case.resident.pseudonym}
    assert {"Ok", "Error"} <= {a["status"] for a in found}
    # The privacy officer's read is itself in the trail.
    review = AuditEntry.objects.filter(actor=world.people.priya).order_by("id").last()
    assert review.reason == "logboek dataverwerkingen gelezen (lezen-API)"
    assert review.changes["filters"] == {"subject": draft.case.resident.pseudonym}
    # By processing activity (the version the entries were written under).
    uri = ACTIVITIES["referral"].uri
    by_activity = client.post(url, {"dpl.core.processing_activity_id": uri}, content_type="application/json").json()
    assert by_activity["processingActivities"]
    assert {a["attributes"]["dpl.core.processing_activity_id"] for a in by_activity["processingActivities"]} == {uri}


def test_the_read_api_refuses_what_the_standard_refuses_and_hides_from_everyone_else(client, world):
    url = reverse("privacy:ldv_read")
    assert client.post(url, {"traceId": str(uuid.uuid4())}, content_type="application/json").status_code == 404
    client.force_login(world.people.kees)
    assert client.post(url, {"traceId": str(uuid.uuid4())}, content_type="application/json").status_code == 404
    client.force_login(world.people.priya)
    empty = client.post(url, {}, content_type="application/json")
    assert empty.status_code == 400 and empty["Content-Type"] == "application/problem+json"
    assert client.post(url, {"traceId": "not-a-uuid"}, content_type="application/json").status_code == 400
    assert client.post(url, "traceId=x", content_type="application/x-www-form-urlencoded").status_code == 415
    assert client.get(url).status_code == 405


def test_each_request_is_its_own_trace_and_answers_with_a_traceparent(client, world, draft):
    client.force_login(world.people.fatima)
    first = client.get(reverse("referral_detail", args=[draft.pk]), HTTP_TRACEPARENT=CALLER)
    second = client.get(reverse("referral_detail", args=[draft.pk]), HTTP_TRACEPARENT="garbage")
    ours = [r["traceparent"].split("-") for r in (first, second)]
    assert all(len(p) == 4 and p[0] == "00" and len(p[1]) == 32 and len(p[2]) == 16 for p in ours)
    assert ours[0][1] != ours[1][1] and CALLER_TRACE not in (ours[0][1], ours[1][1])
    entries = AuditEntry.objects.filter(actor=world.people.fatima, action=AuditEntry.Action.ACCESS).order_by("id")
    records = [logboek_record(e) for e in entries][-2:]
    assert [r["trace_id"] for r in records] == [ours[0][1], ours[1][1]]
    assert "foreign_operation" in records[0] and "foreign_operation" not in records[1]  # an invalid header is ignored


def test_a_services_first_entry_is_its_action_and_the_entries_it_starts_name_it_as_parent(world, draft):
    with operation("test request"), set_actor(world.people.fatima):
        before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
        services.referral_send(referral=draft, actor=world.people.fatima)
    records = [logboek_record(e) for e in AuditEntry.objects.filter(id__gt=before).order_by("id")]
    action, *started = records
    assert len(started) >= 2  # the grant and the notices the sending starts
    assert action["name"] == "referral.referral.update" and "parent_span_id" not in action
    assert {r["parent_span_id"] for r in started} == {action["span_id"]}
    assert len({r["span_id"] for r in records}) == len(records)
    assert len({r["trace_id"] for r in records}) == 1


class _ReadsAnOrganisation(TracedCommand):
    """A command as the job runner's would be: it logs one access per run."""

    organisation = None

    def handle(self, *args, **options):
        log_access(actor=None, obj=self.organisation, activity="administration")


def test_each_command_run_and_each_job_run_is_its_own_trace(world):
    command = _ReadsAnOrganisation()
    command.organisation = world.orgs.kredietbank
    before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
    call_command(command)
    call_command(command)

    @traced("job test")
    def job():
        log_access(actor=None, obj=world.orgs.gemeente, activity="administration")

    job()
    job()
    traces = list(AuditEntry.objects.filter(id__gt=before).order_by("id").values_list("cid", flat=True))
    assert len(traces) == 4 and len(set(traces)) == 4


def test_every_management_command_of_ours_runs_as_its_own_trace():
    from django.core.management import get_commands, load_command_class

    ours = {
        name: app
        for name, app in get_commands().items()
        if app.split(".")[0] in {"accounts", "audit", "referrals", "signals", "directory", "programme"}
    }
    assert "erase_expired" in ours
    untraced = [name for name, app in ours.items() if not isinstance(load_command_class(app, name), TracedCommand)]
    assert untraced == []


def test_absent_means_absent_and_every_attribute_is_a_string(world):
    entry = log_access(actor=None, obj=world.orgs.kredietbank, activity="administration")
    record = logboek_record(entry)
    assert "dpl.core.data_subject_id" not in record["attributes"]
    assert "dpl.core.data_subject_id_type" not in record["attributes"]
    assert "parent_span_id" not in record and "foreign_operation" not in record
    assert all(isinstance(v, str) and v for v in record["attributes"].values())
    assert record["attributes"]["dpl.core.processing_activity_id"].endswith(":v1")


def test_a_service_that_refuses_after_it_began_is_recorded_as_refused(world, draft):
    from audit.services.sealing import audited
    from referrals.services.errors import ActionRefused

    before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
    with pytest.raises(ActionRefused), audited():
        log_access(actor=world.people.kees, obj=draft, activity="referral", pseudonym=draft.case.resident.pseudonym)
        raise ActionRefused("Iemand anders heeft deze verwijzing net gewijzigd.")
    [entry] = AuditEntry.objects.filter(id__gt=before)
    record = logboek_record(entry)
    assert record["status_code"] == 2 and record["attributes"]["overdracht.outcome"] == "refused"
    assert entry.reason == "geweigerd (ActionRefused); niets gewijzigd"
    assert schemas.errors(schemas.core_record_validator(), record) == []


def test_the_vendored_read_api_file_has_only_its_known_defect():
    with pytest.raises(json.JSONDecodeError):
        json.loads(schemas.raw(schemas.LEZEN_OPENAPI))
    assert len(schemas.LEZEN_OPENAPI_DEFECT.findall(schemas.raw(schemas.LEZEN_OPENAPI))) == 1
    assert "ProcessingActivity" in schemas.lezen_openapi()["components"]["schemas"]


def test_an_entry_sealed_before_the_span_columns_exports_the_span_it_kept_in_additional_data(world):
    """Entries sealed before span_id & co. had columns keep them in additional_data["ldv"] (hashed so)."""
    from datetime import UTC, datetime

    from django.contrib.contenttypes.models import ContentType

    from directory.models import Organisation
    from policies.register import activity_uri

    kept = {"span_id": "1111111111111111", "parent_span_id": "2222222222222222", "start_ms": 1735689600000}
    entry = AuditEntry(
        id=41,
        content_type=ContentType.objects.get_for_model(Organisation),
        object_pk="7",
        action=AuditEntry.Action.UPDATE,
        timestamp=datetime(2025, 1, 1, 0, 0, 1, tzinfo=UTC),
        processing_activity="referral",
        cid=CALLER_TRACE,
        additional_data={"ldv": {**kept, "activity_version": 1}},
    )
    record = logboek_record(entry)
    assert (record["span_id"], record["parent_span_id"]) == (kept["span_id"], kept["parent_span_id"])
    assert (record["start_time"], record["end_time"]) == (1735689600000, 1735689601000)
    assert record["attributes"]["dpl.core.processing_activity_id"] == activity_uri("referral", 1)
    assert schemas.errors(schemas.core_record_validator(), record) == []
