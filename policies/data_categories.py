# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What a referral may share about a resident (the consent's data categories)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataCategory(models.TextChoices):
    CONTACT = "contact", _("Contactgegevens")
    SUMMARY = "summary", _("Samenvatting van de hulpvraag")
    NEEDS = "needs", _("Soorten hulpvraag")
    FINANCES = "finances", _("Financiële situatie")
    HOUSEHOLD = "household", _("Gezinssituatie")
    # A special category of personal data (AVG art. 9): shared only with
    # explicit consent, never on a general basis.
    HEALTH = "health", _("Gezondheid")


SPECIAL_CATEGORIES = {DataCategory.HEALTH}

# Every referral shares at least these: the receiver must know who and why.
MINIMUM_FOR_REFERRAL = {DataCategory.CONTACT, DataCategory.SUMMARY, DataCategory.NEEDS}


class DataSubject(models.TextChoices):
    """Whose personal data an activity processes (AVG art. 30 lid 1 onder c)."""

    RESIDENT = "resident", _("Inwoners met een hulpvraag")
    HOUSEHOLD = "household", _("Leden van het huishouden van de inwoner")
    STAFF = "staff", _("Medewerkers van de partners en de gemeente (gebruikers)")
    SIGNALLER = "signaller", _("Signaleerders (vrijwilligers, sleutelfiguren, woningcorporaties)")


class StaffData(models.TextChoices):
    """Personal data of the people who use the service (staff and signallers)."""

    ACCOUNT = "account", _("Naam, gebruikersnaam en e-mailadres")
    MEMBERSHIP = "membership", _("Organisatie, rol en looptijd van het lidmaatschap")
    LOGIN = "login", _("Inloggegevens: wachtwoord-hash, tweede factor, mislukte inlogpogingen")
    ACTIONS = "actions", _("Handelingen in het logboek: wie, wanneer, welke verwerking, waarom")
