# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The scheduler's memory: which slot of which job was enqueued."""

from django.db import models
from django.utils import timezone


class ScheduledRun(models.Model):
    """One slot of one periodic job, enqueued once.

    Unique per (job, slot): a second scheduler, or one restarted in the same minute, fails to
    insert the row and so never enqueues the slot again. The row and the task are written in
    one transaction (the database task backend), so a slot is either enqueued or free.
    """

    job = models.CharField(max_length=60)
    slot = models.DateTimeField()
    enqueued_at = models.DateTimeField(default=timezone.now)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-slot"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_job_slot")]

    def __str__(self) -> str:
        return f"{self.job} @ {timezone.localtime(self.slot):%Y-%m-%d %H:%M}"
