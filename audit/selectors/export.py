# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Exporting the audit trail: JSON lines in the format of Logius' *Logboek Dataverwerkingen*, and CSV.

Logboek Dataverwerkingen (LDV) records each action (span) within a processing (trace):
`trace_id` (16 bytes, hex), `span_id` (8 bytes, hex), `parent_span_id` when another action
started it, `name`, `status_code` (0 UNSET, 1 OK, 2 ERROR), `start_time` and `end_time` in
milliseconds since the epoch, `foreign_operation` when a caller's trace started it,
`resource` and `attributes`: `dpl.core.processing_activity_id` (a URI naming the activity's
*version* in the register), and — only when there is a data subject — `dpl.core.data_subject_id`
(the resident's pseudonym, never a name) with `dpl.core.data_subject_id_type`. An optional
field or attribute is left out, never written empty. Attribute values are strings, as the
standard's attribute schema types them. Our own details go under the `overdracht.` prefix;
values of changed fields are never exported.

`read_api_record` is the same action in the shape of the *extensie lezen* API (camelCase,
`status` as "Unset"/"Ok"/"Error", the trace id as a UUID).
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from audit.models import AuditEntry
from audit.selectors.search import changed_fields
from audit.services.sealing import STATUS_CODE_ERROR, STATUS_CODE_OK
from audit.services.trail import LDV_KEY
from policies.register import activity_uri

ACTION_NAMES = {0: "create", 1: "update", 2: "delete", 3: "access", 4: "refused"}
SUBJECT_ID_TYPE = "urn:nl:overdracht:pseudoniem"
SERVICE_NAME = "overdracht"
STATUS_NAMES = {0: "Unset", STATUS_CODE_OK: "Ok", STATUS_CODE_ERROR: "Error"}
CSV_COLUMNS = [
    "id",
    "timestamp",
    "trace_id",
    "processing_activity",
    "action",
    "pseudonym",
    "actor",
    "organisation",
    "role",
    "object_type",
    "object_id",
    "object",
    "fields",
    "reason",
    "chain_hash",
]


def _ms(moment: Any) -> int:
    return int(moment.timestamp() * 1000)


def ldv_of(entry: AuditEntry) -> dict[str, Any]:
    """What the entry recorded of its action (empty for entries written before it did).

    The span's columns; entries sealed before those existed kept it in additional_data["ldv"],
    beside the status of a failed action and the caller's operation.
    """
    extra = entry.additional_data if isinstance(entry.additional_data, dict) else {}
    ldv = extra.get(LDV_KEY)
    ldv = dict(ldv) if isinstance(ldv, dict) else {}
    for name in ("span_id", "parent_span_id", "start_ms", "activity_version"):
        if (value := getattr(entry, name)) is not None:
            ldv[name] = value
    return ldv


def status_code(entry: AuditEntry) -> int:
    if entry.action == AuditEntry.Action.REFUSED:
        return STATUS_CODE_ERROR  # the processing did not take place
    return int(ldv_of(entry).get("status_code", STATUS_CODE_OK))


def outcome(entry: AuditEntry) -> str:
    if entry.action == AuditEntry.Action.REFUSED:
        return "refused"
    return str(ldv_of(entry).get("outcome", "ok"))


def logboek_record(entry: AuditEntry) -> dict[str, Any]:
    ldv = ldv_of(entry)
    action = ACTION_NAMES.get(entry.action, str(entry.action))
    end = _ms(entry.timestamp)
    attributes: dict[str, str] = {
        "dpl.core.processing_activity_id": activity_uri(entry.processing_activity, ldv.get("activity_version")),
    }
    if entry.pseudonym:
        attributes["dpl.core.data_subject_id"] = entry.pseudonym
        attributes["dpl.core.data_subject_id_type"] = SUBJECT_ID_TYPE
    own = {
        "overdracht.action": action,
        "overdracht.outcome": outcome(entry),
        "overdracht.actor": entry.actor.username if entry.actor_id else "",
        "overdracht.organisation": entry.organisation.name if entry.organisation_id else "",
        "overdracht.role": entry.role,
        "overdracht.object": f"{entry.content_type.model}:{entry.object_pk}",
        "overdracht.fields": " ".join(changed_fields(entry)),
        "overdracht.reason": entry.reason,
        "overdracht.entry_id": str(entry.id),
        "overdracht.chain_hash": entry.chain_hash,
    }
    attributes.update({key: value for key, value in own.items() if value})
    record: dict[str, Any] = {
        # Entries written before trace ids were hex had none: their entry id stands in.
        "trace_id": entry.cid or f"{entry.id:032x}",
        # Entries from before spans were recorded: the entry id is unique and fits 8 bytes.
        "span_id": ldv.get("span_id") or f"{entry.id:016x}",
        "name": f"{entry.processing_activity}.{entry.content_type.model}.{action}",
        "status_code": status_code(entry),
        "start_time": min(int(ldv.get("start_ms", end)), end),
        "end_time": end,
        "resource": {"attributes": {"service.name": SERVICE_NAME}},
        "attributes": attributes,
    }
    if ldv.get("parent_span_id"):
        record["parent_span_id"] = ldv["parent_span_id"]
    if ldv.get("foreign_operation"):
        record["foreign_operation"] = dict(ldv["foreign_operation"])
    return record


def read_api_record(entry: AuditEntry) -> dict[str, Any]:
    """One action as the *extensie lezen* API's `ProcessingActivity`."""
    record = logboek_record(entry)
    shaped: dict[str, Any] = {
        "traceId": str(uuid.UUID(hex=record["trace_id"])),
        "spanId": record["span_id"],
        "status": STATUS_NAMES[record["status_code"]],
        "name": record["name"],
        "startTime": record["start_time"],
        "endTime": record["end_time"],
        "resource": record["resource"],
        "attributes": record["attributes"],
    }
    if "parent_span_id" in record:
        shaped["parentSpanId"] = record["parent_span_id"]
    return shaped


def jsonl_lines(entries: Iterable[AuditEntry]) -> Iterator[str]:
    for entry in entries:
        yield json.dumps(logboek_record(entry), ensure_ascii=False, sort_keys=True) + "\n"


# A cell a spreadsheet would read as a formula (=HYPERLINK(…) in a service or user name) is
# prefixed with an apostrophe, so the privacy officer's spreadsheet shows it as text (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(entry: AuditEntry) -> list[Any]:
    return [spreadsheet_safe(value) for value in _csv_values(entry)]


def _csv_values(entry: AuditEntry) -> list[Any]:
    return [
        entry.id,
        entry.timestamp.isoformat(),
        entry.cid or "",
        entry.processing_activity,
        ACTION_NAMES.get(entry.action, entry.action),
        entry.pseudonym,
        entry.actor.username if entry.actor_id else "",
        entry.organisation.name if entry.organisation_id else "",
        entry.role,
        entry.content_type.model,
        entry.object_pk,
        entry.object_repr,
        " ".join(changed_fields(entry)),
        entry.reason,
        entry.chain_hash,
    ]


def csv_lines(entries: Iterable[AuditEntry]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow(csv_row(entry))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


def lines(entries: Iterable[AuditEntry], fmt: str) -> Iterator[str]:
    if fmt == "jsonl":
        return jsonl_lines(entries)
    if fmt == "csv":
        return csv_lines(entries)
    raise ValueError(f"unknown export format {fmt!r}")
