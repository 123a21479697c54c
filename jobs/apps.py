# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Periodic work: the schedule (config/schedule.py) and the scheduler that enqueues it on django-tasks."""

    name = "jobs"
    verbose_name = "Taken"
