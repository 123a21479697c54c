# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Django admin for functional administrators: partners, services and the shared lists.

Functional administrators keep the directory and the accounts, never case content.
"""

from django.contrib import admin
from django.db import models

from directory.models import Category, Organisation, Service, Wijk
from referrals.forms import ModelChoicesById


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    def has_delete_permission(self, request, obj=None):
        return False  # audit entries and referrals point at organisations; they end, they are not deleted

    list_display = ["name", "kind", "agreement_signed_on"]
    list_filter = ["kind"]
    search_fields = ["name", "domains"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "accepts_referrals", "response_days", "valid_from", "valid_until"]
    list_filter = ["accepts_referrals", "organisation", "categories"]
    search_fields = ["name", "organisation__name", "description"]
    filter_horizontal = ["categories", "wijken"]
    # Categories and wijken by id: a value that is no id is a form error, not an overflow.
    formfield_overrides = {models.ManyToManyField: {"form_class": ModelChoicesById}}
    list_select_related = ["organisation"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "code"]
    search_fields = ["name", "code"]


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    search_fields = ["name"]
