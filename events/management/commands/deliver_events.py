# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Deliver every event that is due to its partner system (events.services.delivery).

The job runner does this every minute (config/schedule.py); run it by hand after an outage of
a receiver to try at once whatever is waiting for its next attempt anyway.
"""

from audit.services.trace import TracedCommand
from events.services.delivery import deliveries_send_due


class Command(TracedCommand):
    help = "Deliver the events that are due to the subscribed partner systems."

    def handle(self, *args, **options):
        delivered = deliveries_send_due()
        self.stdout.write(self.style.SUCCESS(f"{delivered} event(s) delivered."))
