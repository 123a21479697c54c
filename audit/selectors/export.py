# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Exporting the audit trail: JSON lines in the fields of Logius' *Logboek Dataverwerkingen*, and CSV.

Logboek Dataverwerkingen (LDV) records an action (span) within a processing
(trace): trace_id, span_id, name, status, start_time, end_time and attributes,
of which `dpl.core.processing_activity_id` (a reference into the processing
register) and `dpl.core.data_subject_id` (the data subject, never in the
clear: here the resident's pseudonym) are required. Our own details go under
the `overdracht.` prefix. Values of changed fields are never exported.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from audit.models import AuditEntry
from audit.selectors.search import changed_fields
from policies.register import ACTIVITIES, REGISTER_URI

ACTION_NAMES = {0: "create", 1: "update", 2: "delete", 3: "access", 4: "refused"}
SUBJECT_ID_TYPE = "urn:nl:overdracht:pseudoniem"
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


def logboek_record(entry: AuditEntry) -> dict[str, Any]:
    activity = ACTIVITIES.get(entry.processing_activity)
    moment = entry.timestamp.isoformat()
    action = ACTION_NAMES.get(entry.action, str(entry.action))
    return {
        "trace_id": entry.cid or "",
        # An entry is one action (span); its id is unique and fits the 8 bytes of a span id.
        "span_id": f"{entry.id:016x}",
        "parent_span_id": "",
        "name": f"{entry.processing_activity}.{entry.content_type.model}.{action}",
        # Entries are written in the transaction of the action itself: an
        # action that failed was rolled back together with its entry. A refused
        # attempt is the one exception: it is kept, and it did not happen.
        "status": "Error" if entry.action == AuditEntry.Action.REFUSED else "Ok",
        "start_time": moment,
        "end_time": moment,
        "resource": {"attributes": {"service.name": "overdracht"}},
        "attributes": {
            "dpl.core.processing_activity_id": activity.uri if activity else REGISTER_URI + entry.processing_activity,
            "dpl.core.data_subject_id": entry.pseudonym,
            "dpl.core.data_subject_id_type": SUBJECT_ID_TYPE if entry.pseudonym else "",
            "overdracht.action": action,
            "overdracht.actor": entry.actor.username if entry.actor_id else "",
            "overdracht.organisation": entry.organisation.name if entry.organisation_id else "",
            "overdracht.role": entry.role,
            "overdracht.object": f"{entry.content_type.model}:{entry.object_pk}",
            "overdracht.fields": changed_fields(entry),
            "overdracht.reason": entry.reason,
            "overdracht.entry_id": entry.id,
            "overdracht.chain_hash": entry.chain_hash,
        },
    }


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
