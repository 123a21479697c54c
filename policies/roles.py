"""Roles are data (a Membership carries one); permissions are derived here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REFERRER = "referrer", _("Verwijzer")
    INTAKE = "intake", _("Intakemedewerker")
    COORDINATOR = "coordinator", _("Coördinator")
    REGISSEUR = "regisseur", _("Regisseur")
    SIGNALLER = "signaller", _("Signaleerder")
    PRIVACY_OFFICER = "privacy_officer", _("Privacyfunctionaris")
    PROGRAMME = "programme", _("Programmamanager")
    ADMIN = "admin", _("Functioneel beheerder")


# Roles that work with cases and may send referrals from their organisation.
# A regisseur is usually also the referrer who opened the case.
REFERRING_ROLES = {Role.REFERRER, Role.REGISSEUR, Role.COORDINATOR}

# Roles that receive referrals in their organisation's inbox.
RECEIVING_ROLES = {Role.INTAKE, Role.COORDINATOR}

# Roles that never see case content, whatever else they may do.
NO_CASE_CONTENT_ROLES = {Role.PRIVACY_OFFICER, Role.PROGRAMME, Role.ADMIN, Role.SIGNALLER}
