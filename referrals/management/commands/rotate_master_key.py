"""Re-wrap every resident's data key with the first key of FIELD_ENCRYPTION_KEYS.

Rotation without downtime:
  1. put the new key first, keep the old one: FIELD_ENCRYPTION_KEYS="new:…,old:…"
     and restart the app servers (new data keys are now wrapped by "new", old
     ones still open with "old");
  2. run `manage.py rotate_master_key` (may run while the service is in use);
  3. when it reports 0 left, remove the old key from the environment.

Values themselves are not re-encrypted: the data keys stay the same, only
their wrapping changes. Each row is re-wrapped in its own short transaction
with a row lock, so the service keeps running.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from referrals.models import Resident, crypto


class Command(BaseCommand):
    help = "Re-wrap every resident's data key with the current (first) master key."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, **options):
        current = crypto.current_master_key().key_id
        stale = Resident.objects.exclude(wrapped_data_key="").exclude(wrapped_data_key__startswith=f"{current}:")
        total = stale.count()
        self.stdout.write(f"Master key {current!r}: {total} data key(s) to re-wrap.")
        done, last_pk = 0, 0
        while True:
            batch = list(stale.filter(pk__gt=last_pk).order_by("pk").values_list("pk", flat=True)[:batch_size])
            if not batch:
                break
            for pk in batch:
                done += rewrap_one(pk)
            last_pk = batch[-1]
            self.stdout.write(f"  {done}/{total} re-wrapped")
        left = stale.count()
        self.stdout.write(self.style.SUCCESS(f"Done: {done} re-wrapped, {left} left with an older key."))
        if left == 0:
            self.stdout.write("The older master keys can now be removed from FIELD_ENCRYPTION_KEYS.")


@transaction.atomic
def rewrap_one(pk: int) -> int:
    # The row lock keeps an erasure or a first write of the same resident from
    # interleaving; `update()` on one row skips auditlog on purpose: the key is
    # not personal data and its wrapping is an operational event (stdout).
    row = Resident.objects.select_for_update().filter(pk=pk).values("uid", "wrapped_data_key").first()
    if row is None or not row["wrapped_data_key"]:
        return 0
    rewrapped = crypto.rewrap_data_key(row["wrapped_data_key"], str(row["uid"]))
    if rewrapped == row["wrapped_data_key"]:
        return 0
    Resident.objects.filter(pk=pk).update(wrapped_data_key=rewrapped)
    return 1
