# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The functional administrator registers a partner system: an OAuth2 application (client
credentials, bound to a service account) and here its organisation and scopes."""

from django import forms
from django.contrib import admin

from api.models import ClientAuthorisation
from api.scopes import SCOPES


class ClientAuthorisationForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        choices=list(SCOPES.items()), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = ClientAuthorisation
        fields = ["application", "organisation", "scopes", "active"]


@admin.register(ClientAuthorisation)
class ClientAuthorisationAdmin(admin.ModelAdmin):
    form = ClientAuthorisationForm
    list_display = ["application", "organisation", "active", "created_at"]
    list_filter = ["active", "organisation"]
