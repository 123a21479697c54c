# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Retention: erase personal data of residents whose cases ended longer ago than the retention period,
and of signals that did not become a case (signals.services.retention).

Safe to run daily (cron / systemd timer) and safe to run twice. See policies/retention.py.
"""

from audit.services.trace import TracedCommand
from policies.retention import retention_period, signal_retention_period
from referrals.services.retention import residents_due_for_erasure, retention_erase_expired
from signals.services.retention import signals_due_for_erasure, signals_erase_expired


class Command(TracedCommand):
    help = "Erase (crypto-shred) the personal data of residents past the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, erase nothing.")

    def handle(self, *args, dry_run: bool, **options):
        due = residents_due_for_erasure().count()
        self.stdout.write(f"Retention period {retention_period().days} days: {due} resident(s) due.")
        signals_due = signals_due_for_erasure().count()
        self.stdout.write(
            f"Signal retention period {signal_retention_period().days} days: {signals_due} signal(s) due."
        )
        if dry_run:
            return
        erased = retention_erase_expired(progress=lambda pseudonym: self.stdout.write(f"  erased {pseudonym}"))
        self.stdout.write(self.style.SUCCESS(f"Erased {erased} resident(s)."))
        erased = signals_erase_expired(progress=lambda reference: self.stdout.write(f"  erased signal {reference}"))
        self.stdout.write(self.style.SUCCESS(f"Erased {erased} signal(s)."))
