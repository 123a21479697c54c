# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Enqueue each periodic job once per slot (django-tasks has no scheduler of its own).

A job whose latest slot has no ScheduledRun row yet is due: the row and the task are written in
one transaction, and the row is unique per (job, slot), so two schedulers at once, or one that
restarts, enqueue a slot once. After a stop only the latest slot is enqueued (one catch-up run,
as systemd's Persistent=true timers did), never every slot missed meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from jobs.models import ScheduledRun
from jobs.scheduling import Job


def enqueue_due(jobs: Iterable[Job] | None = None, *, now: datetime | None = None) -> list[ScheduledRun]:
    """Enqueue every job of `jobs` (default: config.schedule.SCHEDULE) whose slot at `now` is not
    enqueued yet; returns the runs enqueued by this call."""
    if jobs is None:
        from config.schedule import SCHEDULE

        jobs = SCHEDULE
    now = now or timezone.now()
    enqueued = []
    for job in jobs:
        slot = job.slot_at(now)
        if ScheduledRun.objects.filter(job=job.name, slot=slot).exists():
            continue
        try:
            # The database task backend writes the task row in this transaction: the slot's
            # row and its task commit together, or neither does.
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, slot=slot, enqueued_at=now)
                run.task_id = job.enqueue()
                run.save(update_fields=["task_id"])
        except IntegrityError:  # another scheduler took this slot a moment ago
            continue
        enqueued.append(run)
    return enqueued
