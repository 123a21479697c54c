# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The functional administrator subscribes client applications to events and sees what failed.

Subscriptions are written by events.services.subscriptions (audited), never by the admin itself;
the signing secret is shown once, right after the subscription is made. Deliveries are read-only:
what arrived, what waits for its next attempt and what was given up, with the status code.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.options import csrf_protect_m
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from events.models import Delivery, Subscription
from events.services.delivery import callback_url_problem
from events.services.envelope import EVENT_TYPES
from events.services.subscriptions import subscription_change, subscription_create
from referrals.services.errors import ActionRefused


class SubscriptionForm(forms.ModelForm):
    callback_url = forms.URLField(label=_("callback-URL"), max_length=500, assume_scheme="https")
    event_types = forms.MultipleChoiceField(
        label=_("soorten events"),
        choices=list(EVENT_TYPES.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Geen gekozen: alle soorten."),
    )

    class Meta:
        model = Subscription
        fields = ["client", "callback_url", "event_types", "active"]

    def clean_callback_url(self) -> str:
        url = self.cleaned_data["callback_url"]
        problem = callback_url_problem(url)
        if problem:
            raise forms.ValidationError(problem)
        return url


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    form = SubscriptionForm
    list_display = ["client", "callback_url", "active", "created_at"]
    list_filter = ["active"]

    def has_delete_permission(self, request, obj=None):
        return False  # switch it off instead: its deliveries stay visible

    def get_readonly_fields(self, request, obj=None):
        # Its secret was given to that client's organisation: another client needs its own subscription.
        return ["client"] if obj is not None else []

    @csrf_protect_m
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The services own their (durable) transaction; the admin opens none around them.
        return self._changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        try:
            if change:
                subscription_change(
                    obj,
                    callback_url=data["callback_url"],
                    event_types=data["event_types"],
                    active=data["active"],
                    by=request.user,
                )
                return
            saved, secret = subscription_create(
                client=data["client"],
                callback_url=data["callback_url"],
                event_types=data["event_types"],
                by=request.user,
            )
        except ActionRefused as refused:
            raise PermissionDenied(refused.message) from refused
        for field in Subscription._meta.concrete_fields:
            setattr(obj, field.attname, getattr(saved, field.attname))
        obj._state.adding = False
        obj._secret = secret

    def response_add(self, request, obj, post_url_continue=None):
        # The secret on this one page only: not in a message (those may travel in a cookie).
        return TemplateResponse(
            request,
            "admin/events/subscription/secret.html",
            {**self.admin_site.each_context(request), "subscription": obj, "secret": obj._secret, "opts": self.opts},
        )


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "subscription", "attempts", "last_error", "delivered_at", "given_up_at", "next_attempt_at"]
    list_filter = [("delivered_at", admin.EmptyFieldListFilter), ("given_up_at", admin.EmptyFieldListFilter)]
    list_select_related = ["event", "subscription__client__application", "subscription__client__organisation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
