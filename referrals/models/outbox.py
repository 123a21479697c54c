# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The e-mail outbox: e-mails written with the notices they announce, sent by the job worker.

An e-mail names the case reference and links to the service (SITE_URL), never the resident.
It is written in the transaction of its notice (a rolled-back notice leaves no e-mail), sent by
a task after the commit, and marked sent only once the mail server accepted it; a refusal or an
outage leaves it waiting for its next attempt (referrals.services.outbox).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Email(models.Model):
    class Kind(models.TextChoices):
        NOTICE = "notice", "notice"  # one notice, at once
        DIGEST = "digest", "digest"  # the day's other notices, once a day

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=6, choices=Kind.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    # A digest's day (local date): one digest a day per person, a database constraint.
    digest_day = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # When it may be tried (again). Claiming an e-mail moves this forward by a lease, so a worker
    # that dies halfway leaves it to be tried again, and two workers never send it at once.
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    # The mail server's answer code or the kind of failure; never the address.
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Refused for good (a 5xx answer, no address): not tried again.
    given_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "digest_day"], condition=Q(kind="digest"), name="one_digest_a_day"
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(sent_at__isnull=True, given_up_at__isnull=True),
                name="email_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"e-mail #{self.pk} ({self.kind})"


class DigestItem(models.Model):
    """A notice waiting for its recipient's daily digest (removed once the digest is written)."""

    notification = models.OneToOneField("referrals.Notification", on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"digest item #{self.pk}"
