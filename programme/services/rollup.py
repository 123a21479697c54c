# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The roll-up: rebuild the figures' table (programme.models.ReferralFact) from the referrals.

One INSERT … SELECT of the facts and one of their monthly cells (FigureCell), in one transaction: the page goes on reading the previous roll-up until this
one commits, and never sees half of one. Run by the job runner on the schedule and by
`manage.py rollup_figures`; the demo data runs it once.

Not an audited write: the table holds no personal data and is derived data, rebuilt whole each
time (a RollupRun row says when). The referrals it reads are in the trail already.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Q, Window
from django.db.models.fields import DateField
from django.db.models.functions import Lag, TruncMonth, TruncWeek
from django.utils import timezone

from programme.expressions import DaysUntilDate, HoursBetween
from programme.models import FigureCell, ReferralFact, RollupRun
from referrals.models import Referral, State

# The runs the page may still name; older ones only fill the table.
KEEP_RUNS_FOR = timedelta(days=7)


def _flag(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


# Each column of ReferralFact and how it is worked out from a referral (and its case).
COLUMNS = {
    "referral_id": F("pk"),
    "sent_at": F("sent_at"),
    "case_previous_sent_at": Window(Lag("sent_at"), partition_by=[F("case_id")], order_by=[F("sent_at"), F("pk")]),
    "resident_previous_sent_at": Window(
        Lag("sent_at"), partition_by=[F("case__resident_id")], order_by=[F("sent_at"), F("pk")]
    ),
    "case_previous_month": Window(
        Lag(TruncMonth("sent_at", output_field=DateField())),
        partition_by=[F("case_id")],
        order_by=[F("sent_at"), F("pk")],
    ),
    "resident_previous_month": Window(
        Lag(TruncMonth("sent_at", output_field=DateField())),
        partition_by=[F("case__resident_id")],
        order_by=[F("sent_at"), F("pk")],
    ),
    "case_id": F("case_id"),
    "resident_id": F("case__resident_id"),
    "sent_month": TruncMonth("sent_at", output_field=DateField()),
    "sent_week": TruncWeek("sent_at", output_field=DateField()),
    "from_organisation_id": F("from_organisation_id"),
    "to_organisation_id": F("to_organisation_id"),
    "service_id": F("service_id"),
    "wijk_id": F("case__wijk_id"),
    "hours_to_accept": HoursBetween("sent_at", "accepted_at"),
    "days_to_contact": DaysUntilDate("sent_at", "first_contact_on"),
    # Escalated: nobody answered it within its service's response time (referrals.services.escalation).
    "is_accepted": _flag(Q(accepted_at__isnull=False)),
    "is_escalated": _flag(Q(escalation__gte=1)),
    "has_outcome": _flag(~Q(outcome="")),
    "state": F("state"),
    "decline_reason": F("decline_reason"),
    "outcome": F("outcome"),
}


def _select() -> tuple[str, list]:
    """The SELECT of every sent referral's fact columns, each under its column's name."""
    referrals = (
        Referral.objects.exclude(state=State.DRAFT)
        .filter(sent_at__isnull=False)
        .order_by()
        .annotate(**{f"f_{name}": expression for name, expression in COLUMNS.items()})
        .values(*(f"f_{name}" for name in COLUMNS))
    )
    sql, params = referrals.query.sql_with_params()
    # Named from the subquery, so the order in which Django writes its SELECT list does not matter;
    # in order of sending, so that a period's rows lie together on disk.
    names = ", ".join(f"f_{name}" for name in COLUMNS)
    return f"SELECT {names} FROM ({sql}) AS referral ORDER BY f_sent_at", list(params)  # noqa: S608


# What each breakdown of FigureCell groups the facts by, as (cell column, fact column); the
# month of sending is always first. Columns a breakdown leaves out are NULL (or '' for text).
CELLS: dict[str, tuple[tuple[str, str], ...]] = {
    FigureCell.Breakdown.STATUS: (
        ("to_organisation_id", "to_organisation_id"),
        ("state", "state"),
        ("decline_reason", "decline_reason"),
        ("outcome", "outcome"),
        ("is_accepted", "is_accepted"),
        ("is_escalated", "is_escalated"),
    ),
    FigureCell.Breakdown.FLOW: (
        ("from_organisation_id", "from_organisation_id"),
        ("to_organisation_id", "to_organisation_id"),
    ),
    FigureCell.Breakdown.TREND: (("week", "sent_week"), ("is_accepted", "is_accepted"), ("has_outcome", "has_outcome")),
    FigureCell.Breakdown.ACCEPT: (("value", "hours_to_accept"),),
    FigureCell.Breakdown.CONTACT: (("value", "days_to_contact"),),
    FigureCell.Breakdown.CASES: (("previous_month", "case_previous_month"),),
    FigureCell.Breakdown.HOUSEHOLDS: (("previous_month", "resident_previous_month"),),
}
# Only measured times are counted in the histograms.
_CELL_WHERE = {FigureCell.Breakdown.ACCEPT: "hours_to_accept", FigureCell.Breakdown.CONTACT: "days_to_contact"}


def _count_cells(cursor: Any) -> None:
    """Rebuild FigureCell from the facts just written: one GROUP BY per breakdown, in one INSERT."""
    quote = connection.ops.quote_name
    cells, facts = quote(FigureCell._meta.db_table), quote(ReferralFact._meta.db_table)
    keyed = [
        "month",
        "breakdown",
        *(f.column for f in FigureCell._meta.fields if f.column not in ("id", "month", "breakdown", "n")),
    ]
    selects = []
    for breakdown, columns in CELLS.items():
        by_cell = dict(columns)
        values = []
        for column in keyed[2:]:
            field = FigureCell._meta.get_field(column)
            if column in by_cell:
                values.append(quote(by_cell[column]))
            elif field.null:
                values.append(f"CAST(NULL AS {field.db_type(connection)})")
            else:
                values.append("''")
        grouped = ", ".join(quote(fact) for fact in ["sent_month", *(fact for _cell, fact in columns)])
        where = f" WHERE {quote(_CELL_WHERE[breakdown])} IS NOT NULL" if breakdown in _CELL_WHERE else ""
        selects.append(
            f"SELECT {quote('sent_month')}, '{breakdown}', {', '.join(values)}, COUNT(*) FROM {facts}{where} GROUP BY {grouped}"  # noqa: S608
        )
    cursor.execute(f"DELETE FROM {cells}")  # noqa: S608
    names = ", ".join(quote(column) for column in [*keyed, "n"])
    cursor.execute(f"INSERT INTO {cells} ({names}) {' UNION ALL '.join(selects)}")  # noqa: S608


def rollup_figures() -> RollupRun:
    """Rebuild the figures' table; returns the run (how many facts, how long)."""
    started = time.perf_counter()
    table = connection.ops.quote_name(ReferralFact._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(ReferralFact._meta.get_field(name).column) for name in COLUMNS)
    select, params = _select()
    with transaction.atomic():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Two roll-ups at once take turns (the second would insert the first's rows
                # again); readers of the page are not held up.
                cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
            cursor.execute(f"INSERT INTO {table} ({columns}) {select}", params)  # noqa: S608
            facts = cursor.rowcount
            _count_cells(cursor)
        finished = timezone.now()
        RollupRun.objects.filter(finished_at__lt=finished - KEEP_RUNS_FOR).delete()
        return RollupRun.objects.create(
            finished_at=finished, facts=max(facts, 0), milliseconds=round((time.perf_counter() - started) * 1000)
        )


def last_rollup() -> RollupRun | None:
    return RollupRun.objects.order_by("-finished_at").first()
