# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Print the processing register (verwerkingsregister, AVG art. 30) from the code."""

from django.core.management.base import BaseCommand

from policies.register import as_text


class Command(BaseCommand):
    help = "Print the processing register as readable text."

    def handle(self, *args, **options):
        self.stdout.write(as_text())
