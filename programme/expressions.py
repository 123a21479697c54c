# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Date arithmetic in SQL for the figures, the same on PostgreSQL and SQLite."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Func, IntegerField


class HoursBetween(Func):
    """Whole hours from the first datetime to the second."""

    output_field = IntegerField()

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:  # PostgreSQL
        (start, start_params), (end, end_params) = (compiler.compile(e) for e in self.source_expressions)
        return f"CAST(FLOOR(EXTRACT(EPOCH FROM ({end} - {start})) / 3600) AS integer)", [*end_params, *start_params]

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        (start, start_params), (end, end_params) = (compiler.compile(e) for e in self.source_expressions)
        return f"CAST((julianday({end}) - julianday({start})) * 24 AS INTEGER)", [*end_params, *start_params]


class DaysUntilDate(Func):
    """Whole days from a datetime's local date (settings.TIME_ZONE) to a date."""

    output_field = IntegerField()

    def _local_date(self, compiler: Any, connection: Any) -> tuple[str, list[Any], str, list[Any]]:
        (start, start_params), (end, end_params) = (compiler.compile(e) for e in self.source_expressions)
        # Django's own cast, which on SQLite converts to the time zone as PostgreSQL's AT TIME ZONE does.
        local, local_params = connection.ops.datetime_cast_date_sql(start, tuple(start_params), settings.TIME_ZONE)
        return local, list(local_params), end, list(end_params)

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:  # PostgreSQL
        local, local_params, end, end_params = self._local_date(compiler, connection)
        return f"({end} - {local})", [*end_params, *local_params]

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        local, local_params, end, end_params = self._local_date(compiler, connection)
        return f"CAST(julianday({end}) - julianday({local}) AS INTEGER)", [*end_params, *local_params]
