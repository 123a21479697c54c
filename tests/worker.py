# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Run the queued tasks with django-tasks-db's own worker, inside a test.

`run_queued_tasks` claims and runs each ready task as `manage.py db_worker` does (Worker.run_task),
without the worker's loop: that loop closes the database connection between tasks, which would
end a test's transaction. Transactional tests can run the real loop (`Worker.run`, batch mode).
"""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def worker(worker_id: str = "test-worker") -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def run_queued_tasks() -> list[DBTaskResult]:
    """Run every ready task, in the worker's order, until none is left; returns them, run."""
    runner = worker()
    done = []
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(runner.worker_id)
        runner.run_task(result)
        done.append(result)
    return done
