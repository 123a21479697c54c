# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""How a person wants to hear about notices by e-mail (their settings page, /instellingen/)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeSettings(models.Model):
    class Email(models.TextChoices):
        """For notices that are not urgent; urgent ones are always e-mailed at once (policies.notices)."""

        IMMEDIATELY = "immediately", _("Direct, een e-mail per bericht")
        DAILY = "daily", _("Eén keer per dag een overzicht")
        NEVER = "never", _("Geen e-mail; ik kijk zelf in Overdracht")

    # Without a row a person gets the daily digest (Email.DAILY): one e-mail a day is the default.
    DEFAULT = Email.DAILY

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_settings")
    email = models.CharField(_("e-mail over berichten"), max_length=12, choices=Email.choices, default=DEFAULT)

    class Meta:
        verbose_name = _("instellingen voor berichten")
        verbose_name_plural = _("instellingen voor berichten")

    def __str__(self) -> str:
        return str(self.user)
