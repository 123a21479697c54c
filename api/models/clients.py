# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A partner system's client application, registered for one organisation by the functional administrator."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from oauth2_provider.settings import oauth2_settings

from api.scopes import SCOPES


class ClientAuthorisation(models.Model):
    """What one OAuth2 client application (client credentials) may do, and for whom.

    The application's user is a service account: its active membership in `organisation`
    gives the role, so the client sees and does exactly what that member would through the
    pages (the same policies and services). `scopes` narrow it further per endpoint.
    """

    application = models.OneToOneField(
        oauth2_settings.APPLICATION_MODEL, on_delete=models.CASCADE, related_name="authorisation"
    )
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.PROTECT, related_name="+")
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("API-koppeling")
        verbose_name_plural = _("API-koppelingen")

    def __str__(self) -> str:
        return f"{self.application.name} ({self.organisation})"

    def clean(self) -> None:
        from accounts.models import Membership

        unknown = sorted(set(self.scopes) - set(SCOPES))
        if unknown:
            raise ValidationError({"scopes": _("Onbekende scopes: %(s)s") % {"s": ", ".join(unknown)}})
        application = self.application
        if application.authorization_grant_type != application.GRANT_CLIENT_CREDENTIALS:
            raise ValidationError(_("Een koppeling gebruikt de grant 'client credentials'."))
        if application.user_id is None:
            raise ValidationError(_("Koppel de applicatie aan een serviceaccount (gebruiker)."))
        memberships = Membership.objects.active().filter(user_id=application.user_id)
        if not memberships.filter(organisation=self.organisation).exists():
            raise ValidationError(_("Het serviceaccount heeft geen actief lidmaatschap bij deze organisatie."))
        if memberships.exclude(organisation=self.organisation).exists():
            # One organisation per client: it must not act for a second one through the same account.
            raise ValidationError(_("Het serviceaccount werkt ook bij een andere organisatie."))
