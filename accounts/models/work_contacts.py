# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A professional's work phone: staff data, not resident data.

Everyone involved in a referral or case (referrer, regisseur, the assignee of each referral)
sees the others' name, organisation, work phone and work e-mail (the user's e-mail address), so
that they can call each other instead of losing the resident between them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkContact(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="work_contact")
    phone = models.CharField(_("telefoon (werk)"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("werkcontact")
        verbose_name_plural = _("werkcontacten")

    def __str__(self) -> str:
        return str(self.user)
