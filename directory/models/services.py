# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What partners offer (aanbod): the directory that replaces the routekaart."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from directory.models.organisations import Organisation
from directory.models.taxonomy import Category, Wijk


class Capacity(models.TextChoices):
    OPEN = "open", _("Plaats")
    WAITING_LIST = "waiting_list", _("Wachtlijst")
    FULL = "full", _("Vol")


class Service(models.Model):
    """What a partner offers (aanbod); the directory that replaces the routekaart.

    Modelled after Open Referral HSDS 3.0 (served as such at /api/v1/hsds/): a service belongs to
    an organisation, has eligibility (target groups, ages), languages (ISO 639-1 codes), locations
    with walk-in hours as schedules, a contact point and a period in which it exists.
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

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
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
    locations = models.ManyToManyField(
        "directory.Location",
        through="directory.ServiceAtLocation",
        related_name="services",
        blank=True,
        verbose_name=_("locaties"),
    )
    # How a professional reaches the service: a function (an intake desk, its mailbox), work
    # contact shown to every partner and served in HSDS as the service's contact and phone.
    contact_name = models.CharField(_("contactpersoon"), max_length=100, blank=True)
    contact_phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    eligibility = models.TextField(_("voor wie"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimumleeftijd"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximumleeftijd"), null=True, blank=True)
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
    # Capacity, kept by the partner's coordinator: shown in the Wegwijzer and on the referral form
    # before a referrer sends, so nobody is sent into a queue unawares. A full service still takes
    # referrals (the partner decides), the referrer just knows.
    capacity = models.CharField(_("capaciteit"), max_length=12, choices=Capacity.choices, default=Capacity.OPEN)
    waiting_weeks = models.PositiveSmallIntegerField(_("verwachte wachttijd (weken)"), null=True, blank=True)
    full_until = models.DateField(_("vol tot en met"), null=True, blank=True)
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

    @property
    def location(self):
        """The place of the walk-in hours (the first location; a service usually has one)."""
        return next(iter(self.locations.all()), None)

    @property
    def walk_in_hours(self) -> str:
        """The schedules as people write them: "di en do 9:00–12:00" (in the active language)."""
        from directory.schedules import format_schedule

        return "; ".join(format_schedule(schedule) for schedule in self.schedules.all())

    def is_active(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)

    def capacity_on(self, on=None) -> str:
        """The capacity as a referrer should read it today: "vol" ends by itself after its date."""
        on = on or timezone.localdate()
        if self.capacity == Capacity.FULL and self.full_until is not None and self.full_until < on:
            return Capacity.OPEN
        return self.capacity

    def capacity_note(self, on=None) -> str:
        """What a referrer reads before sending: empty when there is room."""
        capacity = self.capacity_on(on)
        if capacity == Capacity.WAITING_LIST:
            if self.waiting_weeks:
                return _("Wachtlijst: ongeveer %(weeks)s weken") % {"weeks": self.waiting_weeks}
            return str(_("Wachtlijst"))
        if capacity == Capacity.FULL:
            return _("Vol tot en met %(date)s") % {"date": date_format(self.full_until, "j F Y")}
        return ""

    def can_receive(self, on=None) -> bool:
        return self.accepts_referrals and self.is_active(on) and self.organisation.may_receive_referrals


class ServiceTarget(models.Model):
    """What a partner agreed to reach with a service in a period (e.g. 70 taalmaatje pairs in 2023).

    Entered by the programme manager; the figures page sets the result beside it.
    """

    class Measure(models.TextChoices):
        RECEIVED = "received", _("Verwijzingen ontvangen")
        ACCEPTED = "accepted", _("Verwijzingen aangenomen")
        HELPED = "helped", _("Inwoners (deels) geholpen")

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="targets")
    starts_on = models.DateField(_("van"))
    ends_on = models.DateField(_("tot en met"))
    measure = models.CharField(_("wat telt"), max_length=12, choices=Measure.choices, default=Measure.ACCEPTED)
    target = models.PositiveIntegerField(_("doel"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["starts_on", "service__organisation__name", "service__name"]
        verbose_name = _("afgesproken doel")
        verbose_name_plural = _("afgesproken doelen")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "starts_on", "ends_on", "measure"], name="unique_service_target"
            ),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="target_period_order"),
        ]

    def __str__(self) -> str:
        return f"{self.service} {self.starts_on}–{self.ends_on}: {self.target}"
