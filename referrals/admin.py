"""Django admin for functional administrators: partners, services, users, memberships.

Deliberately absent: residents, cases, consents, referrals and the audit trail.
Functional administrators keep the directory and the accounts, never case content;
the privacy officer reads the audit trail on pages of their own.
"""

from auditlog.registry import auditlog  # noqa: F401  (auditlog's admin registers its entry model)
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from referrals.models import AuditEntry, Category, Membership, Organisation, Service, Wijk

# The audit trail is append-only: no admin screen may change or delete it.
if admin.site.is_registered(AuditEntry):
    admin.site.unregister(AuditEntry)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["organisation"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
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
    list_select_related = ["organisation"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "valid_until"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "code"]
    search_fields = ["name", "code"]


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    search_fields = ["name"]


user_model = get_user_model()
admin.site.unregister(user_model)


@admin.register(user_model)
class OverdrachtUserAdmin(UserAdmin):
    inlines = [MembershipInline]
