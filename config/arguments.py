# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Argument types for the management commands: a bad value is a usage error, never a traceback.

argparse turns an ArgumentTypeError raised here into its usage message and exit status 2
(a CommandError raised while parsing is not caught there and ends in a traceback).
"""

from argparse import ArgumentTypeError
from datetime import date


def day(value: str) -> date:
    """A day as YYYY-MM-DD, from 2000-01-01 to 9999-12-30: the audit trail's days (and the day after)."""
    from audit.selectors.search import EARLIEST_DAY, LATEST_DAY

    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
    if not EARLIEST_DAY <= parsed <= LATEST_DAY:
        raise ArgumentTypeError(f"a day from {EARLIEST_DAY} to {LATEST_DAY}, not {value}")
    return parsed


def positive_int(value: str) -> int:
    """A whole number of at least 1 (a batch or chunk size)."""
    try:
        number = int(value)
    except ValueError:
        raise ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise ArgumentTypeError(f"must be at least 1, not {number}")
    return number
