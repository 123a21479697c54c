# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Periodic work: the schedule (config/schedule.py) and the scheduler that enqueues it on django-tasks."""

    name = "jobs"
    verbose_name = "Taken"

    def ready(self) -> None:
        from django_tasks.signals import task_started

        task_started.connect(_new_trace_per_task, dispatch_uid="jobs.new_trace_per_task")


def _new_trace_per_task(sender: Any, **kwargs: Any) -> None:
    """Each task on the worker gets its own trace id, as a request does: its log lines and audit
    entries belong together, and not with the worker's previous task."""
    from audit.services.trace import new_trace

    new_trace()
