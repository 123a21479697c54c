# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Flag unusual access for the privacy officer (run daily, e.g. just after midnight for the day before)."""

from datetime import timedelta

from django.utils import timezone

from audit.services.flags import detect_unusual_access
from audit.services.trace import TracedCommand
from config.arguments import day as day_argument


class Command(TracedCommand):
    help = "Flag unusual reads of one day (default: yesterday) for the privacy officer."

    def add_arguments(self, parser):
        parser.add_argument("--day", type=day_argument, help="YYYY-MM-DD (default: yesterday)")

    def handle(self, *args, day=None, **options):
        day = day or timezone.localdate() - timedelta(days=1)
        flags = detect_unusual_access(day=day)
        self.stdout.write(f"{day}: {len(flags)} new flag(s)")
        for flag in flags:
            self.stdout.write(f"  {flag.get_kind_display()} (gebruiker #{flag.actor_id})")
