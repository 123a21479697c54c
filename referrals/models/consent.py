# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Consent (toestemming) and the other legal bases a referral can rest on."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organisation
from referrals.models import crypto
from referrals.models.base import Pseudonymised
from referrals.models.residents import Resident


class LegalBasis(models.TextChoices):
    CONSENT = "consent", _("Toestemming van de inwoner")
    MELDCODE = "meldcode", _("Meldcode huiselijk geweld en kindermishandeling")
    VITAL_INTEREST = "vital_interest", _("Vitaal belang")
    STATUTORY_TASK = "statutory_task", _("Wettelijke taak")


class ConsentQuerySet(models.QuerySet):
    def current(self):
        """Records that no newer record replaces (history stays in the table)."""
        return self.filter(replaced_by__isnull=True)

    def valid_on(self, day=None):
        day = day or timezone.localdate()
        return self.current().filter(withdrawn_at__isnull=True, valid_from__lte=day, valid_until__gte=day)


class Consent(Pseudonymised, models.Model):
    """A resident's consent to share named data with named organisations.

    A record is never edited in place: a change is a new record that replaces
    the old one (history stays). The one exception is withdrawal, which only
    fills in withdrawn_at and its reason, once.
    """

    class GivenHow(models.TextChoices):
        SPOKEN = "spoken", _("Mondeling")
        WRITTEN = "written", _("Schriftelijk")
        DIGITAL = "digital", _("Digitaal")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="consents")
    # Free text ("help with the bills of …") can name people: sealed like the rest.
    purpose_ciphertext = models.TextField(blank=True)
    purpose = crypto.EncryptedAttribute("purpose_ciphertext")
    recipients = models.ManyToManyField(Organisation, related_name="consents", verbose_name=_("ontvangers"))
    data_categories = models.JSONField(_("gegevens"), default=list)
    given_how = models.CharField(_("gegeven"), max_length=10, choices=GivenHow.choices)
    informed_language = models.CharField(_("geïnformeerd in taal"), max_length=10, default="nl")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_by_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(_("geldig vanaf"), default=timezone.localdate)
    valid_until = models.DateField(_("geldig tot en met"))
    replaces = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason_ciphertext = models.TextField(blank=True)
    withdrawn_reason = crypto.EncryptedAttribute("withdrawn_reason_ciphertext")
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self) -> str:
        return f"toestemming {self.resident.pseudonym} #{self.pk}"

    _IMMUTABLE = (
        "resident_id",
        "purpose_ciphertext",
        "data_categories",
        "given_how",
        "informed_language",
        "recorded_by_id",
        "valid_from",
        "valid_until",
        "replaces_id",
    )

    def save(self, *args, **kwargs):
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values(*self._IMMUTABLE, "withdrawn_at").first()
            if stored:
                # Blanking the sealed purpose is erasure (crypto-shredding), not an edit.
                changed = [
                    f
                    for f in self._IMMUTABLE
                    if stored[f] != getattr(self, f) and not (f == "purpose_ciphertext" and getattr(self, f) == "")
                ]
                if changed:
                    raise ValidationError("A consent record is never edited; record a new one instead.")
                if stored["withdrawn_at"] and stored["withdrawn_at"] != self.withdrawn_at:
                    raise ValidationError("A withdrawal cannot be changed.")
        super().save(*args, **kwargs)

    def data_key(self) -> bytes:
        return self.resident.data_key()

    def audit_pseudonym(self) -> str:
        return self.resident.pseudonym

    def audit_resident(self):
        return self.resident
