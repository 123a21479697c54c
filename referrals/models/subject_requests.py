# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A resident's request under the AVG (inzage, rectificatie, verwijdering), as a record.

The record keeps only the pseudonym, the kind, who handled it and why: it has
to outlive an erasure (proof that the request was honoured), so it holds no
personal value.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organisation
from referrals.models.residents import Resident


class SubjectRequest(models.Model):
    class Kind(models.TextChoices):
        ACCESS = "access", _("Inzage (AVG art. 15)")
        RECTIFICATION = "rectification", _("Correctie (AVG art. 16)")
        ERASURE = "erasure", _("Verwijdering op verzoek (AVG art. 17)")
        RETENTION = "retention", _("Gewist na de bewaartermijn")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="subject_requests")
    pseudonym = models.CharField(max_length=12, db_index=True)
    # Why, in the handler's words; the form asks not to write personal data here.
    reason = models.CharField(_("reden"), max_length=300, blank=True)
    # For a rectification: the names of the fields that changed, never their values.
    fields = models.JSONField(default=list, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_by_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("verzoek van de inwoner")
        verbose_name_plural = _("verzoeken van inwoners")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pseudonym}"
