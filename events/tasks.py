# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The events app's tasks for the job worker: one delivery at once, and the sweep of due ones."""

from django_tasks import task

from events.services import delivery


@task(priority=10)  # before the periodic jobs, like an e-mail: a partner system is waiting
def deliver_event(delivery_id: int) -> bool:
    return delivery.delivery_send(delivery_id)


@task()
def deliver_due_events() -> int:
    return delivery.deliveries_send_due()
