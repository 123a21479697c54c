# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Where services are given, and when: HSDS 3.0's location, service_at_location and schedule.

A location is a shared list kept by the functional administrator (a buurtkamer or library hosts
several partners); a coordinator picks it for a service. The ids partner systems see are the
UUIDs, never the database keys, so an export and an import elsewhere keep naming the same thing.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.organisations import Organisation
from directory.models.taxonomy import Wijk


class Location(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200, unique=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="locations",
        null=True,
        blank=True,
        verbose_name=_("beheerd door"),
        help_text=_("Leeg: een gedeelde plek, zoals een buurtkamer."),
    )
    description = models.TextField(_("beschrijving"), blank=True)
    address_1 = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("plaats"), max_length=100, default="Leidschendam")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("wijk"))
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        """One line for the Wegwijzer: street, postcode and place."""
        place = " ".join(part for part in (self.postal_code, self.city) if part) if self.address_1 else ""
        return ", ".join(part for part in (self.address_1, place) if part)


class ServiceAtLocation(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey("directory.Service", on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="service_at_locations")
    description = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("dienst op locatie")
        verbose_name_plural = _("diensten op locatie")
        constraints = [models.UniqueConstraint(fields=["service", "location"], name="unique_service_at_location")]

    def __str__(self) -> str:
        return f"{self.service.name} @ {self.location}"


class Schedule(models.Model):
    """When a service is open (walk-in hours): one weekly rule, or a description where none fits."""

    class Freq(models.TextChoices):
        WEEKLY = "WEEKLY", _("wekelijks")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey("directory.Service", on_delete=models.CASCADE, related_name="schedules")
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, null=True, blank=True, related_name="schedules", verbose_name=_("locatie")
    )
    freq = models.CharField(_("frequentie"), max_length=10, choices=Freq.choices, blank=True)
    # Comma-separated RFC 5545 day codes in week order, e.g. "TU,TH".
    byday = models.CharField(_("dagen"), max_length=30, blank=True)
    opens_at = models.TimeField(_("open vanaf"), null=True, blank=True)
    closes_at = models.TimeField(_("open tot"), null=True, blank=True)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)
    description = models.CharField(
        _("omschrijving"),
        max_length=200,
        blank=True,
        help_text=_("Voor wat niet in dagen en tijden past, bijv. ‘op afspraak’."),
    )

    class Meta:
        ordering = ["service", "pk"]
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__isnull=True)
                | models.Q(opens_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="schedule_opens_before_it_closes",
            ),
        ]

    def __str__(self) -> str:
        from directory.schedules import format_schedule

        return format_schedule(self)
