"""Notifications to people. Never personal data."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    """A message in the service; names the case reference, never the resident."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    referral = models.ForeignKey("referrals.Referral", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    message = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message
