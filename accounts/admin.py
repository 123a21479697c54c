"""Django admin for functional administrators: users and memberships, never case content."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership
from referrals.forms import ModelChoicesById


def may_grant(request, membership) -> bool:
    """An administrator never gives themselves a role: that would open case content to them."""
    return request.user.is_superuser or membership.user_id != request.user.pk


class GuardedMembershipForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        user = cleaned.get("user")
        if user is not None and user.pk == self.request_user.pk and not self.request_user.is_superuser:
            raise forms.ValidationError(_("U kunt uzelf geen rol geven; vraag een andere beheerder."))
        return cleaned


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "valid_until"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]
    form = GuardedMembershipForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.request_user = request.user
        return form

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or may_grant(request, obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or may_grant(request, obj))


user_model = get_user_model()
admin.site.unregister(user_model)


@admin.register(user_model)
class OverdrachtUserAdmin(UserAdmin):
    # Groups and permissions by id: a value that is no id is a form error, not an overflow.
    formfield_overrides = {models.ManyToManyField: {"form_class": ModelChoicesById}}

    # Memberships are granted on the membership page, where self-granting is refused.
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            # Only a superuser hands out superuser status or model-wide permissions.
            fields += ["is_superuser", "is_staff", "groups", "user_permissions"]
        return fields

    def has_delete_permission(self, request, obj=None):
        # Audit entries point at users; deactivate a user instead (is_active).
        return False
