"""The audit entry: django-auditlog's entry plus what a privacy officer needs."""

from auditlog.models import AbstractLogEntry
from django.db import models


class AuditEntry(AbstractLogEntry):
    """One change or one view of data.

    Beside auditlog's fields (actor, action, object, changes, cid = trace id,
    timestamp) it records the actor's organisation and role, the resident's
    pseudonym (never the name), the processing activity from the register and
    the reason given. `chain_hash` links each entry to the one before it.
    """

    organisation = models.ForeignKey(
        "referrals.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    role = models.CharField(max_length=20, blank=True)
    pseudonym = models.CharField(max_length=12, blank=True, db_index=True)
    processing_activity = models.CharField(max_length=50, blank=True, db_index=True)
    reason = models.CharField(max_length=300, blank=True)
    chain_hash = models.CharField(max_length=64, blank=True)

    class Meta(AbstractLogEntry.Meta):
        verbose_name = "audit entry"
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["pseudonym", "timestamp"]), models.Index(fields=["actor", "timestamp"])]
