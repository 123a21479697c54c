# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The shared lists: wijken and categories of need (the taxonomy)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Wijk(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        db_table = "referrals_wijk"
        ordering = ["name"]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    """A category of need (taxonomy); a request usually has several."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    group = models.CharField(_("domein"), max_length=100, blank=True)

    class Meta:
        db_table = "referrals_category"
        ordering = ["group", "name"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")

    def __str__(self) -> str:
        return self.name
