# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Working days: response deadlines and escalation count these, not calendar days.

A partner that has two working days to answer a referral sent on Thursday before Christmas has
until the Tuesday after it. Weekends and the Dutch public holidays (the `holidays` library's
calendar for NL: New Year, Easter, King's Day, Ascension, Whitsun, Christmas; Good Friday is on
it too, and many partners are closed then) do not count.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import TypeVar

import holidays

When = TypeVar("When", date, datetime)


@cache
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("NL", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def add_working_days(start: When, days: int) -> When:
    """`start` moved on by `days` working days, keeping its time of day."""
    result = start
    while days > 0:
        result += timedelta(days=1)
        if is_working_day(result.date() if isinstance(result, datetime) else result):
            days -= 1
    return result
