# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The audit entry: django-auditlog's entry plus what a privacy officer needs."""

from auditlog.models import AbstractLogEntry
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class AuditEntry(AbstractLogEntry):
    """One change or one view of data, or a refused attempt to view it.

    Beside auditlog's fields (actor, action, object, changes, cid = trace id,
    timestamp) it records the actor's organisation and role, the resident's
    pseudonym (never the name), the processing activity from the register and
    the reason given. `chain_hash` links each entry to the one before it
    (audit.services.chain); ids are handed out by the chain, without gaps,
    so ordering by id is chain order.
    """

    class Action(AbstractLogEntry.Action):
        # A page about a resident that answered 404 or 403: who tried, which object (type and id),
        # on which page (the URL pattern) — never anything of the object itself.
        REFUSED = 4

        choices = (*AbstractLogEntry.Action.choices, (REFUSED, _("refused")))

    action = models.PositiveSmallIntegerField(choices=Action.choices, verbose_name=_("action"), db_index=True)
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    role = models.CharField(max_length=20, blank=True)
    pseudonym = models.CharField(max_length=12, blank=True, db_index=True)
    processing_activity = models.CharField(max_length=50, blank=True, db_index=True)
    reason = models.CharField(max_length=300, blank=True)
    chain_hash = models.CharField(max_length=64, blank=True)
    # Logboek Dataverwerkingen: the action's span (8 bytes, hex), the span that started it, its
    # start (ms since the epoch) and the version of the processing activity in the register.
    # NULL on entries sealed before they were recorded (those carry them in additional_data["ldv"]).
    span_id = models.CharField(max_length=16, null=True, blank=True)
    parent_span_id = models.CharField(max_length=16, null=True, blank=True)
    start_ms = models.BigIntegerField(null=True, blank=True)
    activity_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta(AbstractLogEntry.Meta):
        # The table keeps the name it was created with: the PostgreSQL trigger names it.
        db_table = "referrals_auditentry"
        verbose_name = "audit entry"
        verbose_name_plural = "audit entries"
        indexes = [
            models.Index(fields=["pseudonym", "timestamp"]),
            models.Index(fields=["actor", "timestamp"]),
            models.Index(fields=["organisation", "timestamp"]),
        ]

    def save(self, *args, **kwargs):
        from audit.services.sealing import buffer_for

        using = kwargs.get("using") or "default"
        buffer = buffer_for(using) if self._state.adding else None
        if buffer is not None:
            # Inside a service's transaction: completed now (pre_save), sealed and inserted
            # with the transaction's other entries at its end (audit.services.sealing).
            models.signals.pre_save.send(sender=type(self), instance=self, raw=False, using=using, update_fields=None)
            buffer.add(self)
            return
        # Sealing (in pre_save) and the insert belong together, also when the
        # caller runs in autocommit mode: another writer must not slip between.
        with transaction.atomic(using=using):
            super().save(*args, **kwargs)


class AuditChainHead(models.Model):
    """The one row that says where the chain ends.

    Every writer locks this row before it adds an entry, so writers take turns
    (they wait, they do not fail) and ids follow the chain. It also lets
    `verify_audit` notice entries removed from the end of the chain.
    """

    last_entry_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        db_table = "referrals_auditchainhead"
        verbose_name = "audit chain head"

    def __str__(self) -> str:
        return f"audit chain head at entry {self.last_entry_id}"
