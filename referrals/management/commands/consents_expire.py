# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Flag open referrals whose consent ran out (safe to run daily, and twice)."""

from audit.services.trace import TracedCommand
from referrals import services


class Command(TracedCommand):
    help = "Flag open referrals whose consent has expired and tell the people involved."

    def handle(self, *args, **options):
        flagged = services.consents_expire()
        self.stdout.write(self.style.SUCCESS(f"{flagged} referral(s) flagged: consent expired."))
