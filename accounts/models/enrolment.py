# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A one-time link with which a person sets up their second factor (issued, not grabbed).

An administrator or a coordinator of the person's organisation issues it and hands it over
out of band; only its SHA-256 hash is stored, so the database (or a backup) cannot give a
usable link away. It is valid for ENROLMENT_LINK_HOURS, once, for that one person, who must
also know their password.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def token_hash(token: str) -> str:
    """A token has 256 random bits: a plain hash is as strong as a slow one would be."""
    return hashlib.sha256(token.encode()).hexdigest()


class EnrolmentLinkQuerySet(models.QuerySet["EnrolmentLink"]):
    def usable(self) -> EnrolmentLinkQuerySet:
        return self.filter(used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class EnrolmentLink(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolment_links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", editable=False
    )
    expires_at = models.DateTimeField(_("geldig tot"), editable=False)
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True, editable=False)
    # A newer link, or a reset, makes an unused link worthless.
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True, editable=False)

    objects = EnrolmentLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("koppellink tweede stap")
        verbose_name_plural = _("koppellinks tweede stap")

    def __str__(self) -> str:
        return f"koppellink {self.pk}"

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()
