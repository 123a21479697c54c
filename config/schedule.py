# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every periodic job, in one place. `manage.py run_scheduler` enqueues each when it is due (once per
slot, however many schedulers run) and `manage.py db_worker` runs it. Times are local (TIME_ZONE).

To add a job: one line here — `command(...)` for a management command (which operators can still
run by hand), `task(...)` for a django-tasks task. Jobs due at the same moment are queued in the
order listed.
"""

from jobs.scheduling import command, daily, every_minutes, hourly, task

SCHEDULE = [
    # E-mail whose first attempt failed (or whose task was lost): retried with backoff.
    task("send_due_emails", every_minutes(1), "referrals.tasks.send_due_emails"),
    # Events for partner systems whose first delivery failed (or whose task was lost): with backoff.
    task("deliver_due_events", every_minutes(1), "events.tasks.deliver_due_events"),
    # A referral's deadline passes at the time of day it was sent: once a day would be too late.
    command("escalate_overdue", hourly(minute=5)),
    # The programme's figures (Cijfers) count from this roll-up: at most an hour behind.
    command("rollup_figures", hourly(minute=15)),
    # The daily commands, just after midnight: detect_unusual_access looks at the day before.
    # Each is safe to run twice; one failing does not keep the others from running.
    command("end_memberships", daily("00:30")),  # leavers' open work back to their organisation
    command("expire_access", daily("00:30")),  # the receiving side's access after the reopen window
    command("consents_expire", daily("00:30")),  # open referrals whose consent ran out
    command("erase_expired", daily("00:30")),  # retention
    command("detect_unusual_access", daily("00:30")),  # flags for the privacy officer, about yesterday
    command("verify_audit", daily("00:30")),  # the audit trail's hash chain (the head is in the log)
    # Each person's digest of yesterday's non-urgent notices, before the working day starts.
    task("daily_digest", daily("07:00"), "referrals.tasks.send_daily_digests"),
    # The job runner's own history: finished task results, old slots, sent e-mails.
    command("prune_db_task_results", daily("01:00"), "--min-age-days", "14", "--failed-min-age-days", "90"),
    task("prune_history", daily("01:00"), "jobs.tasks.prune_history"),
]
