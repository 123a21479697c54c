# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Anonymous programme figures (DOMAIN.md "What the programme reports").

Counted from Case and Referral rows only — categories, wijk, states, outcomes,
organisations, dates — never from personal fields, so the figures survive
erasure. Counts are small in a neighbourhood (8 young people in one fund), so
any figure below SUPPRESS_BELOW is shown as suppressed (primary suppression),
and more figures are suppressed until no suppressed figure can be worked out
from the totals (secondary suppression, `protect`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Count, Q, QuerySet

from referrals.models import Outcome, Referral, State

SUPPRESS_BELOW = 5
SUPPRESSED = None  # rendered as "x": not "< 5", a figure suppressed to protect another may be larger
K = TypeVar("K")


@dataclass(frozen=True)
class Cell:
    label: str
    count: int | None  # None: suppressed


def protect(values: Mapping[K, int], lines: Iterable[tuple[K, Sequence[K]]]) -> set[K]:
    """The keys of `values` to suppress, where each line says `values[total] == sum(values[members])`.

    Primary: every figure from 1 to SUPPRESS_BELOW - 1. A zero is shown: it identifies nobody,
    and hiding every empty cell of a sparse table would hide the table. Secondary, repeated until nothing changes: a line
    (a row or column with its total, or the totals with the grand total) is an equation a reader
    can solve, so
    - it must never hold exactly one suppressed figure (it would be the total minus the others);
    - when its total is shown, the suppressed members together must not be a small group either
      ("these two cells hold 3 people" gives that group away).
    Each time the smallest figure still shown in the line is suppressed with it (a shown zero
    protects nothing, so never a zero; the line's total last).
    """
    lines = [(total, list(members)) for total, members in lines]
    hidden = {key for key, n in values.items() if 0 < n < SUPPRESS_BELOW}
    changed = True
    while changed:
        changed = False
        for total, members in lines:
            unknown = [key for key in (total, *members) if key in hidden]
            if not unknown:
                continue
            hidden_sum = sum(values[key] for key in members if key in hidden)
            small_group = total not in hidden and 0 < hidden_sum < SUPPRESS_BELOW
            if len(unknown) >= 2 and not small_group:
                continue
            shown = [key for key in members if key not in hidden and values[key] > 0]
            if shown:
                hidden.add(min(shown, key=lambda key: (values[key], str(key))))
            elif total not in hidden:
                hidden.add(total)
            else:
                continue
            changed = True
    return hidden


def suppress(counts: dict[str, int]) -> list[Cell]:
    """One breakdown whose total is shown elsewhere on the page, largest first."""
    cells = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    values: dict[Any, int] = dict(cells)
    values[_TOTAL] = sum(counts.values())
    hidden = protect(values, [(_TOTAL, list(counts))])
    return [Cell(label, SUPPRESSED if label in hidden else n) for label, n in cells]


_TOTAL = ("total",)


def _total(n: int) -> int | None:
    return n if n >= SUPPRESS_BELOW or n == 0 else SUPPRESSED


def sent_referrals(*, start: datetime | None = None, end: datetime | None = None) -> QuerySet[Referral]:
    """Every referral that left its draft, optionally sent within [start, end)."""
    qs = Referral.objects.exclude(state=State.DRAFT).exclude(sent_at__isnull=True)
    if start:
        qs = qs.filter(sent_at__gte=start)
    if end:
        qs = qs.filter(sent_at__lt=end)
    return qs


def programme_figures(*, start: datetime | None = None, end: datetime | None = None) -> dict[str, Any]:
    referrals = sent_referrals(start=start, end=end).order_by()

    def grouped(*fields: str, distinct: bool = False) -> list[tuple[Any, ...]]:
        # A referral has one value of a field on itself or on its case (a to-one join), so it is
        # counted once without DISTINCT; only a to-many field (categories) needs it. Breakdowns
        # that read the same rows are counted in one GROUP BY over both fields and summed here.
        rows = referrals.values(*fields).annotate(n=Count("pk", distinct=distinct))
        return [(*(row[f] for f in fields), row["n"]) for row in rows]

    def label(value: Any) -> str:
        return str(value or "—")

    outcomes = dict(Outcome.choices)
    states = dict(State.choices)
    by_state: Counter[str] = Counter()
    by_outcome: Counter[str] = Counter()
    for state, outcome, n in grouped("state", "outcome"):
        by_state[str(states.get(state, label(state)))] += n
        by_outcome[str(outcomes.get(outcome, label(outcome)))] += n
    by_pair: Counter[str] = Counter()
    by_partner: Counter[str] = Counter()
    for sender, receiver, n in grouped("from_organisation__name", "to_organisation__name"):
        by_pair[f"{sender} → {receiver}"] += n
        by_partner[label(receiver)] += n
    by_wijk: Counter[str] = Counter()
    by_age_band: Counter[str] = Counter()
    # The band kept on the case (the same as the resident's): no join of the residents' table.
    for wijk, band, n in grouped("case__wijk__name", "case__age_band"):
        by_wijk[label(wijk)] += n
        by_age_band[label(band)] += n
    # The totals in one pass. Residents: one resident may have had several referrals, so this one
    # DISTINCT is needed.
    totals = referrals.aggregate(
        referrals=Count("pk"),
        accepted=Count("pk", filter=Q(accepted_at__isnull=False)),
        residents=Count("case__resident", distinct=True),
    )
    return {
        "referrals": _total(totals["referrals"]),
        "residents": _total(totals["residents"]),
        "accepted": _total(totals["accepted"]),
        # Two categories of a referral may share a name (names are not unique): counted once.
        "by_category": suppress({label(name): n for name, n in grouped("categories__name", distinct=True)}),
        "by_wijk": suppress(dict(by_wijk)),
        "by_state": suppress(dict(by_state)),
        "by_outcome": suppress(dict(by_outcome)),
        "by_partner": suppress(dict(by_partner)),
        "by_pair": suppress(dict(by_pair)),
        "by_age_band": suppress(dict(by_age_band)),
    }
