# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What a periodic job is: a task, when it is due, and its slots.

The schedule itself is in config/schedule.py. A job's slots are wall-clock times in the
service's time zone (TIME_ZONE): `at` after midnight, then every `every` (which divides a day),
so "daily at 00:30" stays 00:30 across daylight saving time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.module_loading import import_string

DAY = timedelta(days=1)
COMMAND_TASK = "jobs.tasks.run_command"


@dataclass(frozen=True)
class Job:
    """A periodic job: `task` (the dotted path of a django-tasks task) with `args`, due every
    `every` from `at` after local midnight."""

    name: str
    task: str
    every: timedelta
    at: timedelta = timedelta(0)
    args: tuple[Any, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.every <= timedelta(0) or self.every > DAY or DAY % self.every:
            raise ValueError(f"job {self.name}: 'every' must divide a day ({self.every})")
        if not timedelta(0) <= self.at < self.every:
            raise ValueError(f"job {self.name}: 'at' must lie within one period ({self.at})")

    def slot_at(self, now: datetime) -> datetime:
        """The latest slot at or before `now` (the one that is due)."""
        wall = timezone.localtime(now).replace(tzinfo=None)
        midnight = wall.replace(hour=0, minute=0, second=0, microsecond=0)
        periods = (wall - midnight - self.at) // self.every  # -1 before the day's first slot
        return timezone.make_aware(midnight + self.at + periods * self.every)

    def enqueue(self) -> str:
        """Put the job's task on the queue; returns the task's id."""
        return str(import_string(self.task).enqueue(*self.args).id)


def _clock(text: str) -> timedelta:
    hours, minutes = text.split(":")
    return timedelta(hours=int(hours), minutes=int(minutes))


def daily(at: str) -> dict[str, timedelta]:
    """Once a day at `at` ("HH:MM", local time)."""
    return {"every": DAY, "at": _clock(at)}


def hourly(minute: int = 0) -> dict[str, timedelta]:
    """Every hour at `minute` past."""
    return {"every": timedelta(hours=1), "at": timedelta(minutes=minute)}


def every_minutes(minutes: int) -> dict[str, timedelta]:
    return {"every": timedelta(minutes=minutes)}


def command(name: str, when: dict[str, timedelta], *args: str) -> Job:
    """A job that runs `manage.py <name> <args>`, exactly as an operator would by hand."""
    return Job(name=name, task=COMMAND_TASK, args=(name, *args), **when)


def task(name: str, when: dict[str, timedelta], path: str, *args: Any) -> Job:
    """A job that runs the django-tasks task at `path`."""
    return Job(name=name, task=path, args=args, **when)
