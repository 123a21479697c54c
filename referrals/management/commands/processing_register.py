# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Print the processing register (verwerkingsregister, AVG art. 30) from the code."""

import json
from pathlib import Path

from django.core.management.base import CommandError

from audit.services.trace import TracedCommand
from policies.register import ACTIVITIES, as_text

DIGESTS = Path(__file__).resolve().parents[3] / "policies" / "register_digests.json"


class Command(TracedCommand):
    help = "Print the processing register as readable text; --digests: record the current versions' digests."

    def add_arguments(self, parser):
        parser.add_argument(
            "--digests",
            action="store_true",
            help="add the digest of each activity's current version to policies/register_digests.json",
        )

    def handle(self, *args, **options):
        if not options["digests"]:
            self.stdout.write(as_text())
            return
        recorded = json.loads(DIGESTS.read_text()) if DIGESTS.exists() else {}
        for code, activity in ACTIVITIES.items():
            versions = recorded.setdefault(code, {})
            known = versions.get(str(activity.version))
            if known is not None and known != activity.digest():
                # A version, once recorded, names one text for good: the log lines written under it.
                raise CommandError(f"{code} changed: give it a new version and valid_from in policies/register.py")
            versions[str(activity.version)] = activity.digest()
        DIGESTS.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n")
        self.stdout.write(f"{DIGESTS.name}: {len(recorded)} activities recorded")
