# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Partners: who they are and whether they may receive referrals."""

import uuid

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Gemeente")
        SOCIAL_WORK = "social_work", _("Maatschappelijk werk / welzijn")
        DEBT = "debt", _("Schuldhulp")
        LANGUAGE = "language", _("Taal")
        EDUCATION = "education", _("Onderwijs")
        YOUTH = "youth", _("Jeugd en gezin")
        HOUSING = "housing", _("Wonen")
        HEALTH = "health", _("Gezondheid")
        SAFETY = "safety", _("Veiligheid (meldcode)")
        ENFORCEMENT = "enforcement", _("Handhaving / politie")
        OTHER = "other", _("Anders")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    domains = models.CharField(_("domeinen"), max_length=300, blank=True)
    agreement_signed_on = models.DateField(
        _("convenant gegevensdeling getekend op"),
        null=True,
        blank=True,
        help_text=_("Zonder convenant kan de organisatie geen verwijzingen ontvangen."),
    )
    # The organisation's people act through this group: guardian grants
    # object permissions on referrals to it on send.
    group = models.OneToOneField(Group, on_delete=models.PROTECT, editable=False, related_name="organisation")

    class Meta:
        db_table = "referrals_organisation"
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.group_id:
            self.group, _ = Group.objects.get_or_create(name=f"org:{self.slug}")
        super().save(*args, **kwargs)

    @property
    def may_receive_referrals(self) -> bool:
        # Care and enforcement stay apart: police, enforcement (VTH) and
        # housing-fraud work never receive care referrals.
        return bool(self.agreement_signed_on) and self.kind != self.Kind.ENFORCEMENT
