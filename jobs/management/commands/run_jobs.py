# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Run jobs of the schedule (config/schedule.py) now, in this process, without the worker.

For an operator: after a restore, or to catch up by hand. `--daily` runs the daily jobs, names
run those jobs; each in the schedule's order, one failing does not stop the others, and the exit
status is 1 when any failed (the output names which).
"""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from jobs.scheduling import DAY


class Command(BaseCommand):
    help = "Run jobs of the schedule now (--daily: every daily job), without the worker."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("names", nargs="*", metavar="JOB", help="Jobs of config/schedule.py by name.")
        parser.add_argument("--daily", action="store_true", help="Every daily job.")

    def handle(self, *args: Any, names: list[str], daily: bool, **options: Any) -> None:
        from config.schedule import SCHEDULE

        unknown = set(names) - {job.name for job in SCHEDULE}
        if unknown or not (names or daily):
            raise CommandError(
                f"Name jobs of config/schedule.py or give --daily. Unknown: {', '.join(sorted(unknown)) or '-'}",
                returncode=2,
            )
        jobs = [job for job in SCHEDULE if job.name in names or (daily and job.every == DAY)]
        failed = []
        for job in jobs:
            self.stdout.write(f"== {job.name}")
            try:
                result = import_string(job.task).call(*job.args)
            except Exception as error:  # noqa: BLE001 - reported, and the next job still runs
                self.stderr.write(f"FAILED: {job.name}: {error}")
                failed.append(job.name)
            else:
                self.stdout.write(str(result))
        if failed:
            raise CommandError(f"Failed: {' '.join(failed)}")
        self.stdout.write(f"All {len(jobs)} jobs done.")
