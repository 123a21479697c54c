# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Django admin for functional administrators: partners, services and the shared lists.

Functional administrators keep the directory and the accounts, never case content.
"""

from django.contrib import admin
from django.db import models

from directory.models import Category, Location, Organisation, Schedule, Service, ServiceAtLocation, Wijk
from referrals.forms import ModelChoicesById


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    def has_delete_permission(self, request, obj=None):
        return False  # audit entries and referrals point at organisations; they end, they are not deleted

    list_display = ["name", "kind", "agreement_signed_on"]
    list_filter = ["kind"]
    search_fields = ["name", "domains"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["uuid"]


class ServiceAtLocationInline(admin.TabularInline):
    model = ServiceAtLocation
    extra = 0
    autocomplete_fields = ["location"]


class ScheduleInline(admin.TabularInline):
    """Opening hours as HSDS schedules: weekly, days as RFC 5545 codes ("TU,TH"), or a description."""

    model = Schedule
    extra = 0
    fields = ["location", "freq", "byday", "opens_at", "closes_at", "valid_from", "valid_to", "description"]
    autocomplete_fields = ["location"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "address_1", "postal_code", "city", "wijk"]
    list_filter = ["wijk"]
    search_fields = ["name", "address_1", "postal_code"]
    readonly_fields = ["uuid"]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    inlines = [ServiceAtLocationInline, ScheduleInline]
    readonly_fields = ["uuid"]
    list_display = ["name", "organisation", "accepts_referrals", "response_days", "valid_from", "valid_until"]
    list_filter = ["accepts_referrals", "organisation", "categories"]
    search_fields = ["name", "organisation__name", "description"]
    filter_horizontal = ["categories", "wijken"]
    # Categories and wijken by id: a value that is no id is a form error, not an overflow.
    formfield_overrides = {
        models.ManyToManyField: {"form_class": ModelChoicesById},
        models.URLField: {"assume_scheme": "https"},  # as the coordinator's form
    }
    list_select_related = ["organisation"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "code"]
    search_fields = ["name", "code"]
    readonly_fields = ["uuid"]


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    search_fields = ["name"]
