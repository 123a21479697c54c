# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Django admin for functional administrators: users and memberships, never case content.

Memberships are written by the services in accounts.services.memberships, never by the admin
itself: a new one in a role that sees residents' data waits for a second person (a coordinator
of the organisation, or another administrator through the action "Bevestigen"), and one that
ends hands its open work back to the organisation.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import csrf_protect_m
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, WorkContact
from accounts.selectors.actor import actor_for
from accounts.selectors.memberships import is_protected_account
from accounts.services.memberships import (
    membership_confirm,
    membership_end,
    membership_grant,
    membership_grant_refusal,
    membership_set_end_date,
    memberships_end_for_user,
)
from policies.memberships import may_set_password
from referrals.forms import ModelChoicesById
from referrals.services.errors import ActionRefused


def may_grant(request, membership) -> bool:
    """An administrator never gives themselves a role: that would open case content to them."""
    return request.user.is_superuser or membership.user_id != request.user.pk


class GuardedMembershipForm(forms.ModelForm):
    request_user = None

    def clean(self):
        cleaned = super().clean()
        user, organisation, role = cleaned.get("user"), cleaned.get("organisation"), cleaned.get("role")
        if self.instance.pk is None and user is not None and organisation is not None and role:
            refused = membership_grant_refusal(user=user, organisation=organisation, role=role, by=self.request_user)
            if refused:
                raise forms.ValidationError(refused.message)
        return cleaned


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("pending", _("wacht op bevestiging")), ("active", _("actief")), ("ended", _("beëindigd"))]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.pending()
        if self.value() == "active":
            return queryset.active()
        if self.value() == "ended":
            return queryset.filter(ended_at__isnull=False)
        return queryset


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "valid_until", "status", "created_by", "confirmed_by"]
    list_filter = [StatusFilter, "role", "organisation"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation", "created_by", "confirmed_by"]
    form = GuardedMembershipForm
    actions = ["confirm", "end_today"]

    @admin.display(description=_("status"))
    def status(self, obj: Membership) -> str:
        if obj.ended_at is not None:
            return gettext("beëindigd")
        if obj.confirmed_at is None:
            return gettext("wacht op bevestiging")
        if not obj.is_active_on(timezone.localdate()):
            return gettext("verlopen")
        return gettext("actief")

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # Who, where and in which role is fixed once made: a different one is a new membership,
        # which needs its own confirmation.
        return ["user", "organisation", "role", "created_at", "created_by", "confirmed_at", "confirmed_by"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.request_user = request.user
        return form

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Deleting would skip the hand-back: end a membership instead (a pending one may be deleted).
        actions.pop("delete_selected", None)
        return actions

    def has_change_permission(self, request, obj=None):
        if obj is not None and not (obj.is_pending or obj.is_active_on(timezone.localdate())):
            return False  # ended or run out: history, not to be revived without a second person
        return super().has_change_permission(request, obj) and (obj is None or may_grant(request, obj))

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not obj.is_pending:
            return False
        return super().has_delete_permission(request, obj) and (obj is None or may_grant(request, obj))

    @csrf_protect_m
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The admin wraps a save in one transaction of its own; the services in save_model own
        # theirs (durable) and write everything about the membership, so none is opened here.
        return self._changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        try:
            if not change:
                saved = membership_grant(
                    user=obj.user,
                    organisation=obj.organisation,
                    role=obj.role,
                    by=request.user,
                    valid_until=obj.valid_until,
                )
                for field in Membership._meta.concrete_fields:
                    setattr(obj, field.attname, getattr(saved, field.attname))
                obj._state.adding = False
                if saved.is_pending:
                    messages.warning(
                        request,
                        gettext(
                            "Het lidmaatschap telt pas als een tweede persoon het bevestigt: een coördinator "
                            "van %(org)s of een andere beheerder. De privacyfunctionaris krijgt een signaal."
                        )
                        % {"org": obj.organisation},
                    )
            elif "valid_until" in form.changed_data:
                membership_set_end_date(membership=obj, by=request.user, valid_until=obj.valid_until)
        except ActionRefused as refused:
            raise PermissionDenied(refused.message) from refused

    @admin.action(description=_("Bevestigen (vier ogen)"), permissions=["change"])
    def confirm(self, request, queryset):
        self._each(request, queryset, lambda m: membership_confirm(membership=m, by=request.user), _("bevestigd"))

    @admin.action(description=_("Beëindigen per vandaag (werk terug naar de organisatie)"), permissions=["change"])
    def end_today(self, request, queryset):
        self._each(request, queryset, lambda m: membership_end(m, by=request.user), _("beëindigd"))

    def _each(self, request, queryset, service, done):
        count = 0
        for membership in queryset.select_related("user", "organisation"):
            try:
                service(membership)
            except ActionRefused as refused:
                self.message_user(request, f"{membership}: {refused.message}", messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(
                request, gettext("%(n)s lidmaatschap(pen) %(done)s.") % {"n": count, "done": done}, messages.SUCCESS
            )


user_model = get_user_model()
admin.site.unregister(user_model)


class WorkContactInline(admin.StackedInline):
    """The work phone colleagues in other organisations see on referral and case pages."""

    model = WorkContact
    can_delete = False
    extra = 1
    max_num = 1


@admin.register(user_model)
class OverdrachtUserAdmin(UserAdmin):
    inlines = [WorkContactInline]
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

    def user_change_password(self, request, id, form_url=""):
        target = self.get_object(request, unquote(id))
        if target is not None and not may_set_password(
            actor_for(request.user), target.pk, target_is_protected=is_protected_account(target)
        ):
            # Whoever sets a privacy officer's or administrator's password can log in as them.
            raise PermissionDenied(
                gettext("Alleen de privacyfunctionaris of beheerder zelf kan dit wachtwoord wijzigen.")
            )
        return super().user_change_password(request, id, form_url)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            # A deactivated user's memberships end and their work goes back, each by the service in
            # its own transaction, so after the admin's own one. Should that fail, the user has no
            # access anyway (inactive) and end_memberships hands the work back.
            transaction.on_commit(lambda: memberships_end_for_user(obj, by=request.user))
