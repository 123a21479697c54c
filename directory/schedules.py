# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Walk-in hours as people write them ("di en do 9:00–12:00") and as HSDS schedules (byday, opens_at).

The coordinator keeps typing the short Dutch form; it is stored as weekly rules so partner systems
read days and times, and the Wegwijzer writes them back in the reader's language. Text that is no
such rule ("op afspraak") stays as a schedule's description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any

from django.utils.translation import gettext

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DUTCH_DAYS = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}

_DASH = r"\s*[–—-]\s*"
_TIME = r"([01]?\d|2[0-3])[:.]([0-5]\d)"
_RULE = re.compile(rf"^(?P<days>[a-z ,–—-]+?)\s+{_TIME}{_DASH}{_TIME}$")


@dataclass(frozen=True)
class WeeklyRule:
    byday: tuple[str, ...]
    opens_at: time
    closes_at: time


def _days(text: str) -> tuple[str, ...] | None:
    days: list[str] = []
    for part in re.split(r"\s*,\s*|\s+en\s+", text.strip()):
        span = re.split(_DASH, part)
        if not all(code in DUTCH_DAYS for code in span) or len(span) > 2:
            return None
        first, last = DAYS.index(DUTCH_DAYS[span[0]]), DAYS.index(DUTCH_DAYS[span[-1]])
        if last < first:
            return None
        days.extend(DAYS[first : last + 1])
    if len(set(days)) != len(days):
        return None
    return tuple(sorted(days, key=DAYS.index))


def parse_walk_in_hours(text: str) -> list[WeeklyRule] | None:
    """The weekly rules of `text` ("ma–vr 9:00–12:00; za 10:00–12:00"), or None if any part is no rule."""
    rules = []
    for part in re.split(r"\s*;\s*", text.strip().lower()):
        match = _RULE.match(part)
        if match is None:
            return None
        days = _days(match["days"])
        opens, closes = time(int(match[2]), int(match[3])), time(int(match[4]), int(match[5]))
        if days is None or closes <= opens:
            return None
        rules.append(WeeklyRule(byday=days, opens_at=opens, closes_at=closes))
    return rules or None


def _day_name(code: str) -> str:
    # The short Dutch names are msgids of their own (only these), so no context is needed.
    return {
        "MO": gettext("ma"),
        "TU": gettext("di"),
        "WE": gettext("wo"),
        "TH": gettext("do"),
        "FR": gettext("vr"),
        "SA": gettext("za"),
        "SU": gettext("zo"),
    }[code]


def format_days(byday: str) -> str:
    """ "MO,TU,WE,TH,FR" -> "ma–vr"; "TU,TH" -> "di en do" (in the active language)."""
    codes = [code for code in byday.split(",") if code in DAYS]
    if not codes:
        return ""
    indexes = [DAYS.index(code) for code in codes]
    if len(codes) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{_day_name(codes[0])}–{_day_name(codes[-1])}"
    names = [_day_name(code) for code in codes]
    if len(names) == 1:
        return names[0]
    return gettext("%(list)s en %(last)s") % {"list": ", ".join(names[:-1]), "last": names[-1]}


def _clock(value: time) -> str:
    return f"{value.hour}:{value.minute:02d}"


def format_schedule(schedule: Any) -> str:
    """One schedule as the Wegwijzer shows it: "di en do 9:00–12:00", else its description."""
    if schedule.byday and schedule.opens_at and schedule.closes_at:
        text = f"{format_days(schedule.byday)} {_clock(schedule.opens_at)}–{_clock(schedule.closes_at)}"
        return f"{text} ({schedule.description})" if schedule.description else text
    return schedule.description
