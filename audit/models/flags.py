# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Flags for the privacy officer: something to look at, metadata only."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PrivacyFlag(models.Model):
    """Something the privacy officer must look at (metadata only)."""

    class Kind(models.TextChoices):
        LEGAL_BASIS = "legal_basis", _("Verwijzing op andere grondslag dan toestemming")
        CONSENT_EXPIRED = "consent_expired", _("Toestemming verlopen bij open verwijzing")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("Toestemming ingetrokken")
        MANY_RESIDENTS = "many_residents", _("Ongebruikelijk veel inwoners bekeken")
        OUTSIDE_HOURS = "outside_hours", _("Inzage buiten kantoortijden")
        ADMIN_READ = "admin_read", _("Beheerder bekeek verwijzing van andere organisatie")
        MEMBERSHIP = "membership", _("Lidmaatschap met toegang tot inwonergegevens aangemaakt")
        MANY_REFUSALS = "many_refusals", _("Veel geweigerde pogingen tot inzage")
        LEAVER_ATTEMPT = "leaver_attempt", _("Poging tot inzage na einde lidmaatschap")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    pseudonym = models.CharField(max_length=12, blank=True, db_index=True)
    referral = models.ForeignKey(
        "referrals.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "referrals_privacyflag"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pseudonym}"
