# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The read side of Logboek Dataverwerkingen (*extensie lezen*, `media/openapi.json`).

A request names at least one of: `traceId`, `dpl.core.processing_activity_id`,
`dpl.core.data_subject_id` (and may narrow by `startTime`/`endTime`, milliseconds); the answer
is `{"processingActivities": [...]}` with at most MAX_RESULTS actions, oldest first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db.models import Q, QuerySet

from audit.models import AuditEntry
from audit.selectors.export import read_api_record
from policies.register import ACTIVITIES, REGISTER_URI

MAX_RESULTS = 1000
_FILTERS = ("traceId", "dpl.core.processing_activity_id", "dpl.core.data_subject_id")
_KNOWN = {*_FILTERS, "dpl.core.data_subject_id_type", "startTime", "endTime"}


class BadQuery(ValueError):
    """The request does not say what to read (the API answers 400)."""


@dataclass(frozen=True)
class ReadQuery:
    trace_id: str = ""
    activity_code: str = ""
    activity_version: int | None = None
    subject: str = ""
    start_ms: int | None = None
    end_ms: int | None = None

    def as_params(self) -> dict[str, str]:
        """For the reader's own audit entry (the pseudonym is a pseudonym, never a name)."""
        return {k: str(v) for k, v in self.__dict__.items() if v not in (None, "")}


def _activity(uri: str) -> tuple[str, int | None]:
    """An activity id as the export writes it (…:<uuid>[:v<n>], or the old …:<code>) to code and version."""
    if not uri.startswith(REGISTER_URI):
        raise BadQuery("dpl.core.processing_activity_id")
    rest = uri.removeprefix(REGISTER_URI)
    ident, _, version = rest.partition(":v")
    for activity in ACTIVITIES.values():
        if ident in (str(activity.uuid), activity.code):
            if version and not version.isdigit():
                raise BadQuery("dpl.core.processing_activity_id")
            return activity.code, int(version) if version else None
    raise BadQuery("dpl.core.processing_activity_id")


def _millis(body: dict[str, Any], key: str) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadQuery(key)
    return value


def parse(body: Any) -> ReadQuery:
    if not isinstance(body, dict) or not body.keys() & set(_FILTERS):
        raise BadQuery("traceId, dpl.core.processing_activity_id of dpl.core.data_subject_id is verplicht")
    for key in body:
        if key not in _KNOWN:
            raise BadQuery(key)
    for key in (*_FILTERS, "dpl.core.data_subject_id_type"):
        if key in body and not isinstance(body[key], str):
            raise BadQuery(key)
    trace_id = ""
    if "traceId" in body:
        try:
            trace_id = uuid.UUID(body["traceId"]).hex
        except ValueError:
            raise BadQuery("traceId") from None
    code, version = (
        _activity(body["dpl.core.processing_activity_id"]) if "dpl.core.processing_activity_id" in body else ("", None)
    )
    return ReadQuery(
        trace_id=trace_id,
        activity_code=code,
        activity_version=version,
        subject=body.get("dpl.core.data_subject_id", "").strip().upper(),
        start_ms=_millis(body, "startTime"),
        end_ms=_millis(body, "endTime"),
    )


def _moment(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def matching(query: ReadQuery) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.all()
    if query.trace_id:
        qs = qs.filter(cid=query.trace_id)
    if query.activity_code:
        qs = qs.filter(processing_activity=query.activity_code)
        if query.activity_version is not None:
            # In its column; entries sealed before it had one keep it in additional_data.
            qs = qs.filter(
                Q(activity_version=query.activity_version)
                | Q(activity_version__isnull=True, additional_data__ldv__activity_version=query.activity_version)
            )
    if query.subject:
        qs = qs.filter(pseudonym=query.subject)
    if query.start_ms is not None:
        qs = qs.filter(timestamp__gte=_moment(query.start_ms))
    if query.end_ms is not None:
        qs = qs.filter(timestamp__lte=_moment(query.end_ms))
    return qs.select_related("actor", "organisation", "content_type").order_by("id")


def processing_activities(query: ReadQuery) -> dict[str, Any]:
    return {"processingActivities": [read_api_record(e) for e in matching(query)[:MAX_RESULTS]]}
