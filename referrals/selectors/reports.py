"""Anonymous programme figures (DOMAIN.md "What the programme reports").

Counted from Case and Referral rows only — categories, wijk, states, outcomes,
organisations, dates — never from personal fields, so the figures survive
erasure. Counts are small in a neighbourhood (8 young people in one fund), so
any figure below SUPPRESS_BELOW is shown as suppressed; when exactly one cell
of a breakdown is suppressed, the next-smallest is suppressed too, so the
total cannot give it away (secondary suppression).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, QuerySet

from referrals.models import Outcome, Referral, State

SUPPRESS_BELOW = 5
SUPPRESSED = None  # rendered as "< 5"


@dataclass(frozen=True)
class Cell:
    label: str
    count: int | None  # None: suppressed


def suppress(counts: dict[str, int]) -> list[Cell]:
    cells = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    hidden = {label for label, n in cells if n < SUPPRESS_BELOW}
    shown = [(label, n) for label, n in cells if label not in hidden]
    if len(hidden) == 1 and shown:
        hidden.add(min(shown, key=lambda item: item[1])[0])
    return [Cell(label, SUPPRESSED if label in hidden else n) for label, n in cells]


def _total(n: int) -> int | None:
    return n if n >= SUPPRESS_BELOW else SUPPRESSED


def sent_referrals(*, start: datetime | None = None, end: datetime | None = None) -> QuerySet[Referral]:
    """Every referral that left its draft, optionally sent within [start, end)."""
    qs = Referral.objects.exclude(state=State.DRAFT).exclude(sent_at__isnull=True)
    if start:
        qs = qs.filter(sent_at__gte=start)
    if end:
        qs = qs.filter(sent_at__lt=end)
    return qs


def programme_figures(*, start: datetime | None = None, end: datetime | None = None) -> dict[str, Any]:
    referrals = sent_referrals(start=start, end=end)

    def grouped(field: str) -> dict[str, int]:
        rows = referrals.values(field).annotate(n=Count("pk", distinct=True))
        return {str(row[field] or "—"): row["n"] for row in rows}

    outcomes = dict(Outcome.choices)
    states = dict(State.choices)
    by_outcome: Counter[str] = Counter()
    for key, n in grouped("outcome").items():
        by_outcome[str(outcomes.get(key, key))] += n
    by_pair: Counter[str] = Counter()
    for row in referrals.values("from_organisation__name", "to_organisation__name").annotate(n=Count("pk")):
        by_pair[f"{row['from_organisation__name']} → {row['to_organisation__name']}"] += row["n"]
    accepted = referrals.filter(accepted_at__isnull=False).count()
    return {
        "referrals": _total(referrals.count()),
        "residents": _total(referrals.values("case__resident").distinct().count()),
        "accepted": _total(accepted),
        "by_category": suppress(grouped("categories__name")),
        "by_wijk": suppress(grouped("case__wijk__name")),
        "by_state": suppress({str(states.get(k, k)): n for k, n in grouped("state").items()}),
        "by_outcome": suppress(dict(by_outcome)),
        "by_partner": suppress(grouped("to_organisation__name")),
        "by_pair": suppress(dict(by_pair)),
        "by_age_band": suppress(grouped("case__resident__age_band")),
    }
