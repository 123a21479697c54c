# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Finding audit entries: by resident (pseudonym), user, organisation, action, activity, period.

Only metadata leaves here: who, which organisation and role, what kind of
action on which kind of object, for which resident (pseudonym), why and when.
Changed values are not shown — only the names of the fields involved.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Max, Min, QuerySet
from django.utils import timezone

from audit.models import AuditEntry


@dataclass(frozen=True)
class AuditQuery:
    pseudonym: str = ""
    user: str = ""  # username
    organisation_id: int | None = None
    action: int | None = None
    activity: str = ""
    since: date | None = None
    until: date | None = None  # inclusive

    def as_params(self) -> dict[str, str]:
        """The filters that are set, for the privacy officer's own audit entry."""
        return {key: str(value) for key, value in asdict(self).items() if value not in (None, "")}


# The trail starts long after the first and ends long before the second: a period reaching
# beyond them needs no bound on that side. Computing one would leave Python's dates (the day
# after 9999-12-31; 0001-01-01 00:00 in Amsterdam is before the year 1 in UTC): a 500.
EARLIEST_DAY = date(2000, 1, 1)
LATEST_DAY = date(9999, 12, 30)


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def entries(query: AuditQuery) -> QuerySet[AuditEntry]:
    """The matching entries, newest first, with what a results page shows joined in (fixed query count)."""
    qs = AuditEntry.objects.all()
    if query.pseudonym:
        qs = qs.filter(pseudonym=query.pseudonym.strip().upper())
    if query.user:
        qs = qs.filter(actor__username=query.user.strip())
    if query.organisation_id:
        qs = qs.filter(organisation_id=query.organisation_id)
    if query.action is not None:
        qs = qs.filter(action=query.action)
    if query.activity:
        qs = qs.filter(processing_activity=query.activity)
    if query.since and query.since > EARLIEST_DAY:
        qs = qs.filter(timestamp__gte=_day_start(query.since))
    if query.until and query.until < LATEST_DAY:
        qs = qs.filter(timestamp__lt=_day_start(query.until + timedelta(days=1)))
    return qs.select_related("actor", "organisation", "content_type").order_by("-id")


def changed_fields(entry: AuditEntry) -> list[str]:
    """The names of the fields an entry is about (never their values)."""
    if entry.action == AuditEntry.Action.REFUSED:
        return []  # nothing was shown
    changes = entry.changes or {}
    if isinstance(changes, dict) and "fields" in changes:
        return list(changes["fields"])
    return sorted(changes) if isinstance(changes, dict) else []


def access_report(pseudonym: str) -> dict[str, Any]:
    """One resident's report: every entry about them, and who looked or changed, per organisation."""
    pseudonym = pseudonym.strip().upper()
    qs = AuditEntry.objects.filter(pseudonym=pseudonym)
    by_who = list(
        qs.values("actor__username", "organisation__name", "role", "action")
        .annotate(count=Count("id"), first=Min("timestamp"), last=Max("timestamp"))
        .order_by("organisation__name", "actor__username", "action")
    )
    for row in by_who:
        row["action_label"] = dict(AuditEntry.Action.choices)[row["action"]]
    return {"pseudonym": pseudonym, "by_who": by_who, "entries": entries(AuditQuery(pseudonym=pseudonym))}
