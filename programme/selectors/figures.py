# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The programme's figures for a period (the Cijfers page): counts only, small numbers suppressed.

Counted from referral and case rows — states, reasons, outcomes, organisations, dates, wijk,
categories, target groups, goal codes — never from a personal field, a name, a pseudonym or a
case reference. Every figure of the page is one key in one suppression (`protect` in
referrals.selectors.reports) with every sum a reader could form from the tables (rows, columns,
totals, the same total in two tables), so no suppressed figure can be worked out from another
table either.

A fixed number of queries whatever the number of referrals: the five breakdowns (states, reasons
and outcomes per receiving partner; the flows; the trend; two histograms for the times) and the
reach. For whole months without filters they are one GROUP BY of the months' cells
(programme.models.FigureCell); otherwise one read of the period's facts with GROUPING SETS on
PostgreSQL (one GROUP BY each on SQLite) and one for the cases and households reached. One more
for the targets.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connections, router, transaction

# Case is the referrals' model here; SQL's CASE goes by another name.
from django.db.models import Case as SqlCase
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Category, Organisation, Service, ServiceTarget, Wijk
from programme.models import FigureCell, ReferralFact, RollupRun
from referrals.models import Case, DeclineReason, Outcome, Referral, State
from referrals.selectors.reports import SUPPRESS_BELOW, SUPPRESSED, protect

# Outcomes a referral ends with at the receiving partner (closed, or warmly handed over).
OUTCOMES = list(Outcome)
REASONS = list(DeclineReason)
HELPED = (Outcome.HELPED, Outcome.PARTLY_HELPED)


Grouped = tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], Counter[int], Counter[int]]


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # exclusive
    label: str

    def bounds(self) -> tuple[datetime, datetime]:
        tz = timezone.get_current_timezone()
        return (
            timezone.make_aware(datetime.combine(self.start, time.min), tz),
            timezone.make_aware(datetime.combine(self.end, time.min), tz),
        )

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)


@dataclass(frozen=True)
class Filters:
    partner: Organisation | None = None
    service: Service | None = None
    wijk: Wijk | None = None
    category: Category | None = None
    target_group: str = ""
    kompas_goal: str = ""


@dataclass
class Table:
    """One table of figures; a chart of the page draws the same cells."""

    key: str
    title: str
    row_header: str
    columns: list[str]
    # Counts are int, or None when suppressed; the targets table also has text cells.
    rows: list[tuple[str, list[Any]]] = field(default_factory=list)
    note: str = ""
    # The last row / last column is a total (charts leave it out).
    total_row: bool = True
    total_column: bool = False
    # How static/js/cijfers.js draws it from the table: "line", "stacked" bars, or no chart.
    chart: str = ""


@dataclass
class Figures:
    period: Period
    headline: list[tuple[str, int | None]]
    timing: list[tuple[str, float | None, float | None]]  # label, median, p90 (days)
    tables: dict[str, Table]
    escalation_note: str
    # When the roll-up these figures come from finished; None: it has not run yet.
    as_of: datetime | None = None


def facts_in(period: Period, filters: Filters) -> QuerySet[ReferralFact]:
    """Referrals sent within the period, matching the filters (a referral counts once)."""
    start, end = period.bounds()
    qs = ReferralFact.objects.filter(sent_at__gte=start, sent_at__lt=end).order_by()
    if filters.partner is not None:
        qs = qs.filter(Q(from_organisation_id=filters.partner.pk) | Q(to_organisation_id=filters.partner.pk))
    if filters.service is not None:
        qs = qs.filter(service_id=filters.service.pk)
    if filters.wijk is not None:
        qs = qs.filter(wijk_id=filters.wijk.pk)
    if filters.category is not None:
        # EXISTS, not a join: a referral with two categories still counts once.
        through = Referral.categories.through.objects.filter(
            referral_id=OuterRef("referral_id"), category=filters.category
        )
        qs = qs.filter(Exists(through))
    # The codes are stored as JSON lists; matched with their quotes, so "2.2" does not match "2.2.D".
    if filters.target_group:
        qs = qs.filter(
            case_id__in=Case.objects.filter(target_groups__icontains=f'"{filters.target_group}"').values("pk")
        )
    if filters.kompas_goal:
        qs = qs.filter(case_id__in=Case.objects.filter(kompas_goals__icontains=f'"{filters.kompas_goal}"').values("pk"))
    return qs


def percentile(histogram: Counter[int], share: float) -> int | None:
    """Nearest-rank percentile of the values counted in `histogram`."""
    n = sum(histogram.values())
    if n == 0:
        return None
    rank = max(1, math.ceil(share * n))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return None


def _timing(histogram: Counter[int], per_day: int) -> tuple[float | None, float | None]:
    # Fewer than five measurements: a median or 90th percentile of so few describes individuals.
    if 0 < sum(histogram.values()) < SUPPRESS_BELOW:
        return SUPPRESSED, SUPPRESSED
    median, p90 = percentile(histogram, 0.5), percentile(histogram, 0.9)
    return (
        None if median is None else round(median / per_day, 1),
        None if p90 is None else round(p90 / per_day, 1),
    )


def trend_buckets(period: Period) -> tuple[str, list[date]]:
    """Months for a period longer than two months, weeks (from their Monday) otherwise."""
    if (period.end - period.start).days > 62:
        first = period.start.replace(day=1)
        months, d = [], first
        while d < period.end:
            months.append(d)
            d = (d + timedelta(days=32)).replace(day=1)
        return "month", months
    monday = period.start - timedelta(days=period.start.weekday())
    weeks, d = [], monday
    while d < period.end:
        weeks.append(d)
        d += timedelta(days=7)
    return "week", weeks


def _bucket_label(kind: str, d: date) -> str:
    return d.strftime("%Y-%m") if kind == "month" else _("week van %(d)s") % {"d": d.isoformat()}


# Memory for the page's hash tables: at the default 4 MB a year's grouping and distinct counts
# spill to disk and take several times as long. Per statement node, for this one transaction.
WORK_MEM = "64MB"


def _reading() -> Any:
    """The connection the figures are read from: the read replica's inside its scope (config.replica)."""
    return connections[router.db_for_read(ReferralFact)]


@contextmanager
def _room_to_count() -> Iterator[None]:
    reading = _reading()
    if reading.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=reading.alias), reading.cursor() as cursor:
        cursor.execute("SELECT set_config('work_mem', %s, true)", [WORK_MEM])
        yield


def figures(period: Period, filters: Filters) -> Figures:
    """The figures of the last roll-up (programme.services.rollup) for the period and filters."""
    with _room_to_count():
        return _figures(period, filters)


def _figures(period: Period, filters: Filters) -> Figures:
    facts = facts_in(period, filters)
    kind, buckets = trend_buckets(period)
    bucket = "sent_month" if kind == "month" else "sent_week"
    # 6. Cases and households reached. A case is one household's request; a household is
    # counted by its hulpvrager (the resident the case is about), so two cases of one household
    # count as one household. Without filters: each case's (and resident's) first referral of
    # the period, counted in the same read as the rest. A filter may leave out that first
    # referral, so with one they are counted DISTINCT (a hashed subquery each).
    start = period.bounds()[0] if filters == Filters() else None
    if filters == Filters() and whole_months(period):
        grouped, reach = _grouped_from_cells(period, kind)
    elif _reading().vendor == "postgresql":
        grouped, reach = _grouped_in_one_scan(facts, bucket, first_since=start)
    else:
        grouped, reach = _grouped_one_by_one(facts, bucket), None
    if reach is None:
        reach = _reach(facts, first_since=start)
    status_rows, flow_rows, trend_rows, to_accept, to_contact = grouped

    org_ids = {r["to_organisation_id"] for r in status_rows} | {r["from_organisation_id"] for r in flow_rows}
    targets = _targets(period, filters)
    org_ids |= {t.service.organisation_id for t in targets}
    names = dict(Organisation.objects.filter(pk__in=org_ids).values_list("pk", "name"))

    result = _assemble(
        period, kind, buckets, status_rows, flow_rows, trend_rows, to_accept, to_contact, reach, targets, names
    )
    run = RollupRun.objects.order_by("-finished_at").only("finished_at").first()
    result.as_of = run.finished_at if run else None
    return result


def whole_months(period: Period) -> bool:
    return period.start.day == 1 and period.end.day == 1


def _grouped_from_cells(period: Period, kind: str) -> tuple[Grouped, dict[str, int]]:
    """The five breakdowns and the reach, added up from the monthly cells (one small read).

    For periods of whole months without filters: the cells of those months hold exactly the
    facts of the period, counted by the roll-up in the same breakdowns.
    """
    cells = (
        FigureCell.objects.filter(month__gte=period.start, month__lt=period.end)
        .annotate(
            bucket=SqlCase(When(breakdown=FigureCell.Breakdown.TREND, then=F("month" if kind == "month" else "week")))
        )
        .values(*_CELL_KEYS)
        .annotate(n=Sum("n"))
        .order_by()
    )
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in cells:
        out[row["breakdown"]].append(row)
    to_accept = Counter({row["value"]: row["n"] for row in out[FigureCell.Breakdown.ACCEPT]})
    to_contact = Counter({row["value"]: row["n"] for row in out[FigureCell.Breakdown.CONTACT]})
    # A case (a household) is reached in the period by its first referral in it: the one whose
    # previous referral was sent in an earlier month, or never.
    reach = {
        name: sum(
            row["n"] for row in out[name] if row["previous_month"] is None or row["previous_month"] < period.start
        )
        for name in (FigureCell.Breakdown.CASES, FigureCell.Breakdown.HOUSEHOLDS)
    }
    grouped = (
        out[FigureCell.Breakdown.STATUS],
        out[FigureCell.Breakdown.FLOW],
        out[FigureCell.Breakdown.TREND],
        to_accept,
        to_contact,
    )
    return grouped, {"cases": reach[FigureCell.Breakdown.CASES], "households": reach[FigureCell.Breakdown.HOUSEHOLDS]}


_CELL_KEYS = (
    "breakdown",
    "to_organisation_id",
    "from_organisation_id",
    "state",
    "decline_reason",
    "outcome",
    "is_accepted",
    "is_escalated",
    "has_outcome",
    "bucket",
    "value",
    "previous_month",
)


def _first_since(start: datetime) -> dict[str, Q]:
    """Facts that are their case's (resident's) first referral sent since `start`."""
    return {
        "cases": Q(case_previous_sent_at__isnull=True) | Q(case_previous_sent_at__lt=start),
        "households": Q(resident_previous_sent_at__isnull=True) | Q(resident_previous_sent_at__lt=start),
    }


def _reach(facts: QuerySet[ReferralFact], *, first_since: datetime | None) -> dict[str, int]:
    if first_since is not None:
        firsts = _first_since(first_since)
        return facts.aggregate(
            cases=Count("pk", filter=firsts["cases"]), households=Count("pk", filter=firsts["households"])
        )
    return {
        "cases": facts.values("case_id").distinct().count(),
        "households": facts.values("resident_id").distinct().count(),
    }


def _grouped_one_by_one(facts: QuerySet[ReferralFact], bucket: str) -> Grouped:
    """The five breakdowns, one GROUP BY each (SQLite, which has no GROUPING SETS)."""
    # 1. States, reasons and outcomes per receiving partner; accepted and escalated as flags.
    status_rows = list(facts.values(*_SETS["status"]).annotate(n=Count("pk")))
    # 2. Who refers to whom.
    flow_rows = list(facts.values(*_SETS["flow"]).annotate(n=Count("pk")))
    # 3. The trend: per month or week of sending.
    trend_rows = list(facts.annotate(bucket=F(bucket)).values(*_SETS["trend"]).annotate(n=Count("pk")))
    # 4–5. The times, as histograms (hours to acceptance, days to first contact): a percentile
    # from a few hundred buckets instead of a million rows, the same on PostgreSQL and SQLite.
    to_accept = Counter(
        {
            row["hours_to_accept"]: row["n"]
            for row in facts.filter(hours_to_accept__isnull=False).values("hours_to_accept").annotate(n=Count("pk"))
        }
    )
    to_contact = Counter(
        {
            row["days_to_contact"]: row["n"]
            for row in facts.filter(days_to_contact__isnull=False).values("days_to_contact").annotate(n=Count("pk"))
        }
    )
    return status_rows, flow_rows, trend_rows, to_accept, to_contact


# The breakdowns and the columns each groups by.
_SETS = {
    "status": ("to_organisation_id", "state", "decline_reason", "outcome", "is_accepted", "is_escalated"),
    "flow": ("from_organisation_id", "to_organisation_id"),
    "trend": ("bucket", "is_accepted", "has_outcome"),
    "accept": ("hours_to_accept",),
    "contact": ("days_to_contact",),
}


def _grouped_in_one_scan(
    facts: QuerySet[ReferralFact], bucket: str, *, first_since: datetime | None
) -> tuple[Grouped, dict[str, int] | None]:
    """The same five breakdowns from one read of the period's rows (PostgreSQL GROUPING SETS).

    Each GROUP BY of `_grouped_one_by_one` reads a year's rows again; at a million referrals that
    reading is nearly all of the page's time. With `first_since`, the same read also counts the
    cases and households reached (their first referrals since then); else that is left to `_reach`.
    """
    columns = sorted({column for columns in _SETS.values() for column in columns})
    firsts = ["case_previous_sent_at", "resident_previous_sent_at"] if first_since else []
    inner = facts.annotate(bucket=F(bucket)).values(*columns, *firsts)
    sql, params = inner.query.sql_with_params()
    # A column only that set groups by: GROUPING() of it is 0 on that set's rows.
    marker = {
        "status": "state",
        "flow": "from_organisation_id",
        "trend": "bucket",
        "accept": "hours_to_accept",
        "contact": "days_to_contact",
    }
    select = ", ".join(columns + [f"GROUPING({marker[name]}) AS g_{name}" for name in _SETS] + ["COUNT(*) AS n"])
    counted: list[Any] = []
    if first_since:
        for column, name in zip(firsts, ("cases", "households"), strict=True):
            select += f", COUNT(*) FILTER (WHERE {column} IS NULL OR {column} < %s) AS first_{name}"
            counted.append(first_since)
    sets = ", ".join("(" + ", ".join(cols) + ")" for cols in _SETS.values())
    with connections[facts.db].cursor() as cursor:
        cursor.execute(
            f"SELECT {select} FROM ({sql}) AS r GROUP BY GROUPING SETS ({sets})",  # noqa: S608
            [*counted, *params],
        )
        names = [c[0] for c in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in _SETS}
    for row in rows:
        for name in _SETS:
            if row[f"g_{name}"] == 0:
                out[name].append(row)
    to_accept = Counter(
        {row["hours_to_accept"]: row["n"] for row in out["accept"] if row["hours_to_accept"] is not None}
    )
    to_contact = Counter(
        {row["days_to_contact"]: row["n"] for row in out["contact"] if row["days_to_contact"] is not None}
    )
    reach = None
    if first_since:
        # Every referral is in exactly one row of the status breakdown: its rows add up to all.
        reach = {name: sum(row[f"first_{name}"] for row in out["status"]) for name in ("cases", "households")}
    return (out["status"], out["flow"], out["trend"], to_accept, to_contact), reach


def _targets(period: Period, filters: Filters) -> list[ServiceTarget]:
    """Targets whose period overlaps the chosen one, each with its result over its own period.

    The result counts every referral to the service in the target's period, whatever the other
    filters: a target is agreed per service, not per wijk or target group.
    """
    qs = ServiceTarget.objects.filter(starts_on__lt=period.end, ends_on__gte=period.start).select_related(
        "service__organisation"
    )
    if filters.service is not None:
        qs = qs.filter(service=filters.service)
    if filters.partner is not None:
        qs = qs.filter(service__organisation=filters.partner)
    # The target's days as local dates (sent_at__date is taken in the current time zone).
    in_period = (
        Referral.objects.exclude(state=State.DRAFT)
        .filter(service=OuterRef("service"), sent_at__date__gte=OuterRef("starts_on"))
        .filter(sent_at__date__lte=OuterRef("ends_on"))
        .order_by()
        .values("service")
    )

    def counted(extra: Q) -> Subquery:
        return Subquery(in_period.filter(extra).annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField())

    return list(
        qs.annotate(
            n_received=Coalesce(counted(Q()), 0),
            n_accepted=Coalesce(counted(Q(accepted_at__isnull=False)), 0),
            n_helped=Coalesce(counted(Q(outcome__in=HELPED)), 0),
        )
    )


def _assemble(
    period: Period,
    kind: str,
    buckets: list[date],
    status_rows: list[dict[str, Any]],
    flow_rows: list[dict[str, Any]],
    trend_rows: list[dict[str, Any]],
    to_accept: Counter[int],
    to_contact: Counter[int],
    reach: dict[str, int],
    targets: list[ServiceTarget],
    names: dict[int, str],
) -> Figures:
    values: dict[tuple[Any, ...], int] = defaultdict(int)
    lines: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]] = []
    SENT, ACCEPTED, DECLINED, CLOSED, ESCALATED = ("sent",), ("accepted",), ("declined",), ("closed",), ("escalated",)
    CASES, HOUSEHOLDS = ("cases",), ("households",)

    receivers: set[int] = set()
    for row in status_rows:
        n, to = row["n"], row["to_organisation_id"]
        receivers.add(to)
        values[SENT] += n
        values[("received", to)] += n
        if row["is_accepted"]:
            values[ACCEPTED] += n
            values[("accepted-by", to)] += n
        if row["is_escalated"]:
            values[ESCALATED] += n
        if row["state"] == State.DECLINED:
            values[DECLINED] += n
            values[("declined-by", to)] += n
            values[("reason", row["decline_reason"] or DeclineReason.OTHER)] += n
        if row["outcome"]:
            values[CLOSED] += n
            values[("outcome", to, row["outcome"])] += n
            values[("closed-by", to)] += n
            values[("outcome-total", row["outcome"])] += n
    values[CASES] = reach["cases"] or 0
    values[HOUSEHOLDS] = reach["households"] or 0

    senders: set[int] = set()
    for row in flow_rows:
        senders.add(row["from_organisation_id"])
        values[("flow", row["from_organisation_id"], row["to_organisation_id"])] += row["n"]
        values[("flow-from", row["from_organisation_id"])] += row["n"]

    by_name: Callable[[Iterable[int]], list[int]] = lambda ids: sorted(ids, key=lambda pk: (names.get(pk, ""), pk))  # noqa: E731
    senders_sorted, receivers_sorted = by_name(senders), by_name(receivers)

    def cells(keys: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        keys = list(keys)
        for key in keys:
            values[key] += 0  # a combination that did not occur: a shown 0
        return keys

    # Every sum a reader can form, as lines for the suppression.
    # The flow matrix: each sender's row, each receiver's column, and both to the total sent.
    for s in senders_sorted:
        lines.append((("flow-from", s), cells(("flow", s, r) for r in receivers_sorted)))
    for r in receivers_sorted:
        lines.append((("received", r), cells(("flow", s, r) for s in senders_sorted)))
    lines.append((SENT, cells(("flow-from", s) for s in senders_sorted)))
    lines.append((SENT, cells(("received", r) for r in receivers_sorted)))
    # Per receiving partner: accepted, declined and closed add up to the totals.
    lines.append((ACCEPTED, cells(("accepted-by", r) for r in receivers_sorted)))
    lines.append((DECLINED, cells(("declined-by", r) for r in receivers_sorted)))
    lines.append((DECLINED, cells(("reason", reason) for reason in REASONS)))
    # Outcomes per partner: rows, columns and the total closed.
    for r in receivers_sorted:
        lines.append((("closed-by", r), cells(("outcome", r, o) for o in OUTCOMES)))
    for o in OUTCOMES:
        lines.append((("outcome-total", o), cells(("outcome", r, o) for r in receivers_sorted)))
    lines.append((CLOSED, cells(("closed-by", r) for r in receivers_sorted)))
    lines.append((CLOSED, cells(("outcome-total", o) for o in OUTCOMES)))
    # The trend: each column adds up to its total.
    tz = timezone.get_current_timezone()
    for row in trend_rows:
        bucket = row["bucket"]
        if isinstance(bucket, datetime):
            # Aware from the ORM; naive (already local: DATE_TRUNC of the local time) from GROUPING SETS.
            day = timezone.localtime(bucket, tz).date() if timezone.is_aware(bucket) else bucket.date()
        else:
            day = bucket
        values[("trend", day, "sent")] += row["n"]
        if row["is_accepted"]:
            values[("trend", day, "accepted")] += row["n"]
        if row["has_outcome"]:
            values[("trend", day, "closed")] += row["n"]
    for measure, total in (("sent", SENT), ("accepted", ACCEPTED), ("closed", CLOSED)):
        lines.append((total, cells(("trend", b, measure) for b in buckets)))
    for key in (SENT, ACCEPTED, DECLINED, CLOSED, ESCALATED, CASES, HOUSEHOLDS):
        values[key] += 0
    for t in targets:
        values[("target", t.pk)] = {"received": t.n_received, "accepted": t.n_accepted, "helped": t.n_helped}[t.measure]

    hidden = protect(values, lines)

    def shown(key: tuple[Any, ...]) -> int | None:
        return SUPPRESSED if key in hidden else values[key]

    def name(pk: int) -> str:
        return names.get(pk, "—")

    outcome_labels = [str(o.label) for o in OUTCOMES]
    tables = {
        "trend": Table(
            key="trend",
            title=_("Verloop per maand") if kind == "month" else _("Verloop per week"),
            row_header=_("Maand") if kind == "month" else _("Week"),
            columns=[_("Verstuurd"), _("Aangenomen"), _("Afgesloten")],
            rows=[
                (_bucket_label(kind, b), [shown(("trend", b, m)) for m in ("sent", "accepted", "closed")])
                for b in buckets
            ]
            + [(_("Totaal"), [shown(SENT), shown(ACCEPTED), shown(CLOSED)])],
            note=_("Naar de maand (of week) waarin de verwijzing is verstuurd."),
            chart="line",
        ),
        "flow": Table(
            key="flow",
            title=_("Wie verwijst naar wie"),
            row_header=_("Van (rij) naar (kolom)"),
            columns=[name(r) for r in receivers_sorted] + [_("Totaal")],
            rows=[
                (name(s), [shown(("flow", s, r)) for r in receivers_sorted] + [shown(("flow-from", s))])
                for s in senders_sorted
            ]
            + [(_("Totaal"), [shown(("received", r)) for r in receivers_sorted] + [shown(SENT)])],
            total_column=True,
            chart="stacked",
        ),
        "partners": Table(
            key="partners",
            title=_("Per ontvangende partner"),
            row_header=_("Partner"),
            columns=[_("Ontvangen"), _("Aangenomen"), _("Afgewezen"), _("Afgesloten")],
            rows=[
                (
                    name(r),
                    [
                        shown(("received", r)),
                        shown(("accepted-by", r)),
                        shown(("declined-by", r)),
                        shown(("closed-by", r)),
                    ],
                )
                for r in receivers_sorted
            ]
            + [(_("Totaal"), [shown(SENT), shown(ACCEPTED), shown(DECLINED), shown(CLOSED)])],
        ),
        "outcomes": Table(
            key="outcomes",
            title=_("Uitkomsten per partner"),
            row_header=_("Partner"),
            columns=outcome_labels + [_("Totaal")],
            rows=[
                (name(r), [shown(("outcome", r, o)) for o in OUTCOMES] + [shown(("closed-by", r))])
                for r in receivers_sorted
            ]
            + [(_("Totaal"), [shown(("outcome-total", o)) for o in OUTCOMES] + [shown(CLOSED)])],
            note=_("Afgesloten en warm overgedragen verwijzingen, naar uitkomst."),
            total_column=True,
            chart="stacked",
        ),
        "reasons": Table(
            key="reasons",
            title=_("Afgewezen, naar reden"),
            row_header=_("Reden"),
            columns=[_("Aantal")],
            rows=[(str(reason.label), [shown(("reason", reason))]) for reason in REASONS]
            + [(_("Totaal"), [shown(DECLINED)])],
        ),
        "targets": Table(
            key="targets",
            title=_("Resultaat tegen afgesproken doelen"),
            row_header=_("Dienst"),
            columns=[_("Periode"), _("Wat telt"), _("Doel"), _("Resultaat")],
            rows=[
                (
                    f"{t.service.name} ({t.service.organisation.name})",
                    [
                        f"{t.starts_on:%d-%m-%Y} – {t.ends_on:%d-%m-%Y}",
                        str(t.get_measure_display()),
                        t.target,
                        shown(("target", t.pk)),
                    ],
                )
                for t in targets
            ],
            note=_(
                "Het resultaat telt alle verwijzingen naar de dienst in de periode van het doel, "
                "los van de andere filters."
            ),
            total_row=False,
        ),
    }
    accept_median, accept_p90 = _timing(to_accept, per_day=24)
    contact_median, contact_p90 = _timing(to_contact, per_day=1)
    return Figures(
        period=period,
        headline=[
            (_("Verstuurd"), shown(SENT)),
            (_("Aangenomen"), shown(ACCEPTED)),
            (_("Afgewezen"), shown(DECLINED)),
            (_("Afgesloten"), shown(CLOSED)),
            (_("Geëscaleerd"), shown(ESCALATED)),
            (_("Casussen bereikt"), shown(CASES)),
            (_("Huishoudens bereikt"), shown(HOUSEHOLDS)),
        ],
        timing=[
            (_("Van versturen tot aannemen"), accept_median, accept_p90),
            (_("Van versturen tot eerste contact"), contact_median, contact_p90),
        ],
        tables=tables,
        escalation_note=_(
            "Geëscaleerd: verwijzingen die niet binnen de reactietermijn van de dienst (in werkdagen) zijn "
            "opgepakt, zodat de coördinator van de ontvanger bericht kreeg."
        ),
    )
