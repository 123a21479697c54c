# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Move overdue referrals up the escalation ladder (referrals.services.escalation).

Run it every hour or so: a deadline passes at the time of day the referral was sent, and
each step is taken once however often it runs.
"""

from audit.services.trace import TracedCommand
from referrals.services.escalation import escalate_overdue


class Command(TracedCommand):
    help = (
        "Tell the receiving coordinators, and a working day later the referrer and regisseur, about overdue referrals."
    )

    def handle(self, *args, **options):
        steps = escalate_overdue()
        self.stdout.write(self.style.SUCCESS(f"{steps} escalation step(s) taken."))
