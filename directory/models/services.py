"""What partners offer (aanbod): the directory that replaces the routekaart."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.organisations import Organisation
from directory.models.taxonomy import Category, Wijk


class Service(models.Model):
    """What a partner offers (aanbod); the directory that replaces the routekaart.

    Modelled after Open Referral HSDS: a service belongs to an organisation,
    has eligibility, languages, a location with walk-in hours and a period
    in which it exists.
    """

    class TargetGroup(models.TextChoices):
        PARENTS = "parents", _("Ouders")
        YOUTH = "youth", _("Jongeren (12–27)")
        OLDER = "older", _("Ouderen")
        NEWCOMERS = "newcomers", _("Nieuwkomers / statushouders")
        LONG_BIJSTAND = "long_bijstand", _("Langer dan 2 jaar in de bijstand")
        LOW_LITERACY = "low_literacy", _("Laaggeletterden")
        ENTREPRENEURS = "entrepreneurs", _("Ondernemers")
        EVERYONE = "everyone", _("Iedereen")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    categories = models.ManyToManyField(
        Category, related_name="services", verbose_name=_("categorieën"), db_table="referrals_service_categories"
    )
    target_groups = models.JSONField(_("doelgroepen"), default=list, blank=True)
    wijken = models.ManyToManyField(
        Wijk,
        related_name="services",
        blank=True,
        verbose_name=_("wijken"),
        db_table="referrals_service_wijken",
        help_text=_("Leeg: de hele gemeente."),
    )
    languages = models.JSONField(_("talen"), default=list, blank=True, help_text=_("Bijv. nl, en, ar, tr"))
    location = models.CharField(_("locatie"), max_length=200, blank=True)
    walk_in_hours = models.CharField(_("inloopspreekuur"), max_length=200, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    # How a professional reaches the service (work contact: staff data, shown to every partner).
    contact_name = models.CharField(_("contactpersoon"), max_length=100, blank=True)
    contact_phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    eligibility = models.TextField(_("voor wie"), blank=True)
    response_days = models.PositiveSmallIntegerField(
        _("reactietermijn (werkdagen)"),
        default=5,
        help_text=_("Binnen hoeveel werkdagen de partner een verwijzing oppakt."),
    )
    contact_attempts = models.PositiveSmallIntegerField(
        _("contactpogingen voor 'niet bereikt'"),
        default=3,
        help_text=_("Na zoveel vastgelegde pogingen mag de partner afsluiten als 'niet bereikt'."),
    )
    accepts_referrals = models.BooleanField(_("neemt verwijzingen aan"), default=True)
    valid_from = models.DateField(_("geldig vanaf"), default=timezone.localdate)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        db_table = "referrals_service"
        ordering = ["organisation__name", "name"]
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_service_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    def is_active(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)

    def can_receive(self, on=None) -> bool:
        return self.accepts_referrals and self.is_active(on) and self.organisation.may_receive_referrals
