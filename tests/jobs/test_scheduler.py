# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The schedule (config/schedule.py) and the scheduler that enqueues it: each slot once."""

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command, get_commands
from django.db import connection
from django_tasks_db.models import DBTaskResult

from config.schedule import SCHEDULE
from jobs.models import ScheduledRun
from jobs.scheduling import Job, command, daily, every_minutes, hourly
from jobs.services.scheduler import enqueue_due
from referrals.models import Notification
from tests.worker import run_queued_tasks

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


def test_slots_are_local_wall_clock_times():
    nightly = command("verify_audit", daily("00:30"))
    assert nightly.slot_at(at(2026, 3, 10, 0, 29)) == at(2026, 3, 9, 0, 30)  # before tonight's: last night's
    assert nightly.slot_at(at(2026, 3, 10, 0, 30)) == at(2026, 3, 10, 0, 30)
    assert nightly.slot_at(at(2026, 3, 10, 23, 59)) == at(2026, 3, 10, 0, 30)
    # Across the change to summer time (29 March 2026) it stays 00:30 local.
    assert nightly.slot_at(at(2026, 3, 29, 12, 0)) == at(2026, 3, 29, 0, 30)
    assert nightly.slot_at(at(2026, 3, 30, 1, 0)) == at(2026, 3, 30, 0, 30)
    escalation = command("escalate_overdue", hourly(minute=5))
    assert escalation.slot_at(at(2026, 3, 10, 14, 4)) == at(2026, 3, 10, 13, 5)
    assert escalation.slot_at(at(2026, 3, 10, 14, 5)) == at(2026, 3, 10, 14, 5)
    assert escalation.slot_at(at(2026, 3, 10, 0, 1)) == at(2026, 3, 9, 23, 5)
    sweep = Job("sweep", "referrals.tasks.send_due_emails", **every_minutes(1))
    assert sweep.slot_at(at(2026, 3, 10, 14, 4, 59)) == at(2026, 3, 10, 14, 4)


def test_a_job_whose_period_does_not_divide_a_day_is_refused():
    with pytest.raises(ValueError, match="divide a day"):
        Job("odd", "jobs.tasks.run_command", every=timedelta(minutes=7))


def test_the_schedule_holds_every_periodic_command_and_each_is_a_real_command_or_task():
    names = [job.name for job in SCHEDULE]
    assert len(names) == len(set(names))
    periodic = {
        "escalate_overdue",
        "rollup_figures",
        "end_memberships",
        "expire_access",
        "consents_expire",
        "erase_expired",
        "detect_unusual_access",
        "verify_audit",
    }
    assert periodic <= set(names)
    assert {"daily_digest", "send_due_emails"} <= set(names)
    commands = get_commands()
    for job in SCHEDULE:
        if job.task == "jobs.tasks.run_command":
            assert job.args[0] in commands, job
        else:
            from django.utils.module_loading import import_string

            assert hasattr(import_string(job.task), "enqueue"), job


def test_each_slot_is_enqueued_once(db):
    jobs = [command("escalate_overdue", hourly(minute=5)), command("verify_audit", daily("00:30"))]
    now = at(2026, 3, 10, 14, 6)
    assert [str(r) for r in enqueue_due(jobs, now=now)] == [
        "escalate_overdue @ 2026-03-10 14:05",
        "verify_audit @ 2026-03-10 00:30",
    ]
    assert enqueue_due(jobs, now=now) == []  # a restart in the same slot
    assert enqueue_due(jobs, now=now + timedelta(minutes=50)) == []
    later = enqueue_due(jobs, now=now + timedelta(hours=1))
    assert [r.job for r in later] == ["escalate_overdue"]
    assert DBTaskResult.objects.count() == 3
    assert sorted(r.task_id for r in ScheduledRun.objects.all()) == sorted(
        str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)
    )


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_enqueue_each_slot_once(threads_share_the_database):
    jobs = [command(name, hourly(minute=5)) for name in ("escalate_overdue", "expire_access", "consents_expire")]
    now = at(2026, 3, 10, 14, 6)
    barrier = threading.Barrier(4)
    enqueued: list = [None] * 4

    def schedule(i):
        try:
            barrier.wait(timeout=10)
            enqueued[i] = enqueue_due(jobs, now=now)
        except Exception as error:
            enqueued[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=schedule, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not [e for e in enqueued if isinstance(e, Exception)], enqueued
    assert sorted(run.job for runs in enqueued for run in runs) == sorted(job.name for job in jobs)
    assert ScheduledRun.objects.count() == 3 and DBTaskResult.objects.count() == 3


def test_the_worker_runs_a_command_job_as_the_command_would(world, case):
    """The hourly escalation, enqueued by the scheduler and run by the worker, tells the coordinators."""
    from referrals import services

    referral = services.referral_create(
        case=case,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp,
        summary="Aanmaning.",
        categories=[world.categories.schulden],
    )
    services.referral_send(referral=referral, actor=world.people.fatima)
    referral.refresh_from_db()
    referral.respond_by = referral.respond_by - timedelta(days=30)
    referral.save(update_fields=["respond_by"])

    call_command("run_scheduler", "--once")
    assert ScheduledRun.objects.filter(job="escalate_overdue").count() == 1
    done = {r.task_name: r for r in run_queued_tasks()}
    assert done["run_command"].status == "SUCCESSFUL"
    assert Notification.objects.filter(referral=referral, kind=Notification.Kind.ESCALATED).exists()
    results = [r.return_value for r in DBTaskResult.objects.filter(task_path="jobs.tasks.run_command")]
    assert any("escalation step(s) taken" in (r or "") for r in results)


def test_a_failing_command_fails_its_task_and_the_others_still_run(db):
    from django.db.models import F

    from audit.models import AuditChainHead

    # A chain head that counts entries the trail does not hold: verify_audit fails.
    AuditChainHead.objects.update(last_entry_id=F("last_entry_id") + 100)
    jobs = [command("verify_audit", daily("00:30")), command("expire_access", daily("00:30"))]
    enqueue_due(jobs, now=at(2026, 3, 10, 1, 0))
    done = {r.args_kwargs["args"][0]: r for r in run_queued_tasks()}
    assert done["verify_audit"].status == "FAILED"
    assert "audit trail broken" in done["verify_audit"].traceback
    assert done["expire_access"].status == "SUCCESSFUL"


def test_run_jobs_runs_the_daily_jobs_now_and_one_failing_does_not_stop_the_others(db, capsys):
    from django.core.management.base import CommandError
    from django.db.models import F

    from audit.models import AuditChainHead

    call_command("run_jobs", "--daily")
    assert "All 9 jobs done." in capsys.readouterr().out
    AuditChainHead.objects.update(last_entry_id=F("last_entry_id") + 100)
    with pytest.raises(CommandError, match="Failed: verify_audit$"):
        call_command("run_jobs", "--daily")
    out, err = capsys.readouterr()
    assert "FAILED: verify_audit" in err
    assert out.index("== end_memberships") < out.index("== verify_audit") < out.index("== daily_digest")
    with pytest.raises(CommandError, match="Unknown: nightly"):
        call_command("run_jobs", "nightly")


def test_the_history_is_pruned_but_nothing_waiting_or_recent(world):
    from django.utils import timezone

    from jobs.tasks import prune_history
    from referrals.models import Email

    now, old = timezone.now(), timezone.now() - timedelta(days=91)
    ScheduledRun.objects.create(job="verify_audit", slot=old)
    ScheduledRun.objects.create(job="verify_audit", slot=now)
    kees = world.people.kees

    def email(**fields):
        return Email.objects.create(recipient=kees, kind=Email.Kind.NOTICE, subject="s", body="b", **fields)

    email(sent_at=old), email(given_up_at=old)
    keep = {email(sent_at=now).pk, email(created_at=old, next_attempt_at=old).pk}  # recent, and still waiting
    assert prune_history.call() == (
        "1 scheduled run(s), 2 e-mail(s) and 0 event deliveries older than 90 days removed."
    )
    assert list(ScheduledRun.objects.values_list("slot", flat=True)) == [now]
    assert set(Email.objects.values_list("pk", flat=True)) == keep
