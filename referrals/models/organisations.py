"""Partners, their services (the directory) and who works where (memberships)."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from policies.roles import Role


class Wijk(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    """A category of need (taxonomy); a request usually has several."""

    code = models.SlugField(max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    group = models.CharField(_("domein"), max_length=100, blank=True)

    class Meta:
        ordering = ["group", "name"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")

    def __str__(self) -> str:
        return self.name


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

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    domains = models.CharField(_("domeinen"), max_length=300, blank=True)
    agreement_signed_on = models.DateField(
        _("convenant gegevensdeling getekend op"), null=True, blank=True,
        help_text=_("Zonder convenant kan de organisatie geen verwijzingen ontvangen."),
    )
    # The organisation's people act through this group: guardian grants
    # object permissions on referrals to it on send.
    group = models.OneToOneField(Group, on_delete=models.PROTECT, editable=False, related_name="organisation")

    class Meta:
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
    categories = models.ManyToManyField(Category, related_name="services", verbose_name=_("categorieën"))
    target_groups = models.JSONField(_("doelgroepen"), default=list, blank=True)
    wijken = models.ManyToManyField(
        Wijk, related_name="services", blank=True, verbose_name=_("wijken"),
        help_text=_("Leeg: de hele gemeente."),
    )
    languages = models.JSONField(_("talen"), default=list, blank=True, help_text=_("Bijv. nl, en, ar, tr"))
    location = models.CharField(_("locatie"), max_length=200, blank=True)
    walk_in_hours = models.CharField(_("inloopspreekuur"), max_length=200, blank=True)
    eligibility = models.TextField(_("voor wie"), blank=True)
    response_days = models.PositiveSmallIntegerField(
        _("reactietermijn (werkdagen)"), default=5,
        help_text=_("Binnen hoeveel werkdagen de partner een verwijzing oppakt."),
    )
    accepts_referrals = models.BooleanField(_("neemt verwijzingen aan"), default=True)
    valid_from = models.DateField(_("geldig vanaf"), default=timezone.localdate)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
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


class Membership(models.Model):
    """A user works for an organisation in one role; roles give permissions."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    # Signallers (volunteers, students) get access that runs out.
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} @ {self.organisation}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.user.groups.add(self.organisation.group)

    def delete(self, *args, **kwargs):
        user, org = self.user, self.organisation
        result = super().delete(*args, **kwargs)
        if not Membership.objects.filter(user=user, organisation=org).exists():
            user.groups.remove(org.group)
        return result
