# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Revoke the receiving side's access to closed referrals once the reopen window has passed.

On close the assignee and the organisation keep their grants for
REOPEN_WINDOW_DAYS so they can reopen. After that the access has no purpose
left (need to know), so it goes. Safe daily, safe twice.
"""

from audit.services.trace import TracedCommand
from referrals.services.access import access_expire


class Command(TracedCommand):
    help = "Revoke access to referrals closed longer than the reopen window ago."

    def handle(self, *args, **options):
        revoked = access_expire()
        self.stdout.write(self.style.SUCCESS(f"Access revoked on {revoked} closed referral(s)."))
