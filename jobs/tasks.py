# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The task that runs a management command on the worker, for the schedule's command jobs."""

import io
import logging

from django.core.management import call_command
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def run_command(name: str, *args: str) -> str:
    """Run `manage.py <name> <args>`; its output goes to the log (the commands print counts and
    pseudonyms, never names), its last line is the task's result. A failing command (a broken
    audit chain, say) raises, so the task is FAILED and the worker logs the error."""
    out = io.StringIO()
    try:
        call_command(name, *args, stdout=out, stderr=out)
    finally:
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        for line in lines:
            logger.info("%s: %s", name, line)
    return lines[-1] if lines else ""


@task()
def prune_history(days: int = 90) -> str:
    """Forget what is done and older than `days`: the scheduler's slots, sent or given-up e-mails
    and delivered or given-up events (task results: `prune_db_task_results`, its own job)."""
    from datetime import timedelta

    from django.utils import timezone

    from events.services.delivery import deliveries_prune
    from jobs.models import ScheduledRun
    from referrals.services.outbox import emails_prune

    before = timezone.now() - timedelta(days=days)
    runs, _ = ScheduledRun.objects.filter(slot__lt=before).delete()
    emails, deliveries = emails_prune(before=before), deliveries_prune(before=before)
    return (
        f"{runs} scheduled run(s), {emails} e-mail(s) and {deliveries} event deliveries older than {days} days removed."
    )
