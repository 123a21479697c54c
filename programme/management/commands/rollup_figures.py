# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Rebuild the programme's figures (programme.services.rollup).

The job runner runs it on the schedule; run it by hand after loading or correcting data, and
the Cijfers page shows the new figures at once.
"""

from audit.services.trace import TracedCommand
from programme.services.rollup import rollup_figures


class Command(TracedCommand):
    help = "Rebuild the table the Cijfers page counts from (one row per sent referral, no personal data)."

    def handle(self, *args, **options):
        run = rollup_figures()
        self.stdout.write(self.style.SUCCESS(f"{run.facts} referral(s) rolled up in {run.milliseconds} ms."))
