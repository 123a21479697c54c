# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Events for partner systems: subscriptions, the events, and their outbox of deliveries.

A subscription belongs to a client application (api.ClientAuthorisation): its callback URL, the
event types it wants (none listed: all) and the secret its deliveries are signed with. The secret
is kept encrypted like a resident's data (a data key of its own, wrapped by the master key), since
signing needs it back; the administrator sees it once, when the subscription is made.

An event is written once per state change, with what every receiver gets (no personal data); a
delivery is one event for one subscription, the outbox row the worker claims, sends and marks
(events.services.delivery), like the e-mail outbox (referrals.models.outbox).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from referrals.models import crypto, key_checks


class Subscription(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(
        "api.ClientAuthorisation", on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("koppeling")
    )
    callback_url = models.URLField(_("callback-URL"), max_length=500)
    # CloudEvent types (events.services.envelope.EVENT_TYPES); empty: every type.
    event_types = models.JSONField(_("soorten events"), default=list, blank=True)
    active = models.BooleanField(_("actief"), default=True)
    wrapped_data_key = models.TextField(blank=True, editable=False)
    secret_ciphertext = models.TextField(blank=True, editable=False)
    secret = crypto.EncryptedAttribute("secret_ciphertext")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("abonnement op events")
        verbose_name_plural = _("abonnementen op events")

    def __str__(self) -> str:
        return f"{self.client} → {self.callback_url}"

    def data_key(self) -> bytes:
        return key_checks.own_data_key(self)

    def wants(self, event_type: str) -> bool:
        return not self.event_types or event_type in self.event_types


class PartnerEvent(models.Model):
    """One state change as partner systems hear of it: codes, slugs and a link, nothing personal."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField(max_length=100)
    # The referral's id in the API (subject) and its API URL (dataref); no foreign key, so erasing
    # or pruning a referral is never held up by an event about it.
    subject = models.CharField(max_length=40)
    dataref = models.URLField(max_length=300)
    time = models.DateTimeField(default=timezone.now)
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.type} {self.subject}"


class Delivery(models.Model):
    event = models.ForeignKey(PartnerEvent, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    created_at = models.DateTimeField(default=timezone.now)
    # When it may be tried (again); claiming moves it a lease ahead (see referrals.models.outbox).
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    # The receiver's status code or the kind of failure; never the body of its answer.
    last_error = models.CharField(max_length=200, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    given_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aflevering")
        verbose_name_plural = _("afleveringen")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(delivered_at__isnull=True, given_up_at__isnull=True),
                name="delivery_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"delivery #{self.pk}"
