# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The referrals app's tasks for the job worker (django-tasks): e-mail from the outbox, digests."""

from django_tasks import task

from referrals.services import outbox


@task(priority=10)  # before the periodic jobs: a waiting e-mail is someone waiting
def send_email(email_id: int) -> bool:
    return outbox.email_send(email_id)


@task()
def send_due_emails() -> int:
    return outbox.emails_send_due()


@task()
def send_daily_digests() -> int:
    return outbox.digests_write()
