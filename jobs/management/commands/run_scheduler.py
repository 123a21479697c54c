# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Enqueue the periodic jobs of config/schedule.py when they are due; `manage.py db_worker` runs them.

Runs until stopped (SIGTERM or Ctrl+C), looking every `--interval` seconds; `--once` looks once
and exits. Safe to run twice at once: each slot of each job is enqueued once (jobs.models.ScheduledRun).
"""

import signal
import time
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from config.arguments import positive_int
from jobs.services.scheduler import enqueue_due


class Command(BaseCommand):
    help = "Enqueue the periodic jobs (config/schedule.py) when they are due."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--interval", type=positive_int, default=20, help="Seconds between looks (default 20).")
        parser.add_argument("--once", action="store_true", help="Look once, enqueue what is due, and exit.")

    def handle(self, *args: Any, interval: int, once: bool, **options: Any) -> None:
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True

        if not once:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
            self.stdout.write(f"Scheduler started; looking every {interval} s.")
            self.stdout.flush()
        while True:
            for run in enqueue_due():
                self.stdout.write(f"enqueued {run}", ending="\n")
                self.stdout.flush()
            if once or stopping:
                return
            for _ in range(interval * 10):  # wakes within 0.1 s of a stop signal
                if stopping:
                    return
                time.sleep(0.1)
            close_old_connections()  # as between requests: a dropped connection is opened again
