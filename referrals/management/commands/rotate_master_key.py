# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Re-wrap every resident's data key with the first key of FIELD_ENCRYPTION_KEYS.

Rotation without downtime:
  1. put the new key first, keep the old one: FIELD_ENCRYPTION_KEYS="new:…,old:…"
     and restart the app servers (new data keys are now wrapped by "new", old
     ones still open with "old");
  2. run `manage.py rotate_master_key` (may run while the service is in use);
  3. when it reports 0 left, remove the old key from the environment.

The work itself is the service referrals.services.keys.
"""

from audit.services.trace import TracedCommand
from config.arguments import positive_int
from referrals.models import crypto
from referrals.services.keys import master_key_rotate, stale_data_key_count


class Command(TracedCommand):
    help = "Re-wrap every data key (residents, event subscriptions) with the current (first) master key."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=positive_int, default=500)

    def handle(self, *args, batch_size: int, **options):
        total = stale_data_key_count()
        self.stdout.write(f"Master key {crypto.current_master_key().key_id!r}: {total} data key(s) to re-wrap.")
        done, left = master_key_rotate(
            batch_size=batch_size, progress=lambda done: self.stdout.write(f"  {done}/{total} re-wrapped")
        )
        self.stdout.write(self.style.SUCCESS(f"Done: {done} re-wrapped, {left} left with an older key."))
        if left == 0:
            self.stdout.write("The older master keys can now be removed from FIELD_ENCRYPTION_KEYS.")
