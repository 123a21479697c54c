# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""End the memberships whose last day has passed, and those of deactivated users.

A leaver's membership already gives nothing the day after its end date (actor_for reads only
active memberships); this hands their open work back: grants revoked, open referrals back to
the organisation's queue, cases marked for a new regisseur, coordinators told. Safe daily,
safe twice.
"""

from accounts.services.memberships import memberships_end_lapsed
from audit.services.trace import TracedCommand


class Command(TracedCommand):
    help = "Hand back the work of memberships past their end date (or of deactivated users)."

    def handle(self, *args, **options):
        ended = memberships_end_lapsed()
        self.stdout.write(self.style.SUCCESS(f"{ended} membership(s) ended; their open work went back."))
