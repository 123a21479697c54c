# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Forms of the directory: the Wegwijzer's search and a coordinator's service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import Capacity, Category, Location, Wijk
from referrals.forms import LANGUAGES, ModelChoicesById, UtrechtForm, category_field


class DirectorySearchForm(UtrechtForm):
    """The fields are the query parameters of the Wegwijzer's URL, so they are Dutch like its path."""

    mark_optional = False  # every filter is optional; saying so on each is noise
    zoek = forms.CharField(label=_("Zoek op hulpvraag of naam"), required=False)
    categorie = forms.ModelChoiceField(
        label=_("Soort hulpvraag"),
        queryset=Category.objects.order_by("group", "name"),
        required=False,
        empty_label=_("Alle"),
    )
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.all(), required=False, empty_label=_("Alle"))
    taal = forms.ChoiceField(label=_("Taal"), choices=[("", _("Alle"))] + LANGUAGES, required=False)
    inloop = forms.BooleanField(label=_("Alleen met inloopspreekuur"), required=False)


class ServiceForm(UtrechtForm):
    """A coordinator keeps the organisation's services in the directory up to date."""

    name = forms.CharField(label=_("Naam"), max_length=200)
    description = forms.CharField(label=_("Beschrijving"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    categories = category_field()
    wijken = ModelChoicesById(
        label=_("Wijken"),
        queryset=Wijk.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leeg: de hele gemeente."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Talen"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple, required=False
    )
    # Locations (address, coordinates) are a shared list the functional administrator keeps.
    location = forms.ModelChoiceField(
        label=_("Locatie"), queryset=Location.objects.all(), required=False, empty_label=_("Geen vaste locatie")
    )
    walk_in_hours = forms.CharField(
        label=_("Inloopspreekuur"),
        max_length=200,
        required=False,
        help_text=_("Dagen en tijden, bijv. ‘di 9:00–12:00’ of ‘ma–vr 9:00–12:00; za 10:00–12:00’."),
    )
    contact_name = forms.CharField(label=_("Contactpersoon voor verwijzers"), max_length=100, required=False)
    contact_phone = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    contact_email = forms.EmailField(label=_("E-mail"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    eligibility = forms.CharField(label=_("Voor wie"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    response_days = forms.IntegerField(label=_("Reactietermijn (werkdagen)"), min_value=1, max_value=60)
    accepts_referrals = forms.BooleanField(label=_("Neemt verwijzingen aan"), required=False)
    valid_until = forms.DateField(
        label=_("Geldig tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Laat leeg als de dienst doorloopt."),
    )

    FIELDS = (
        "name",
        "description",
        "languages",
        "location",
        "walk_in_hours",
        "contact_name",
        "contact_phone",
        "contact_email",
        "website",
        "eligibility",
        "response_days",
        "accepts_referrals",
        "valid_until",
    )


class CapacityForm(UtrechtForm):
    """A coordinator says how full a service is; the Wegwijzer and the referral form show it."""

    capacity = forms.ChoiceField(label=_("Capaciteit"), choices=Capacity.choices, widget=forms.RadioSelect)
    waiting_weeks = forms.IntegerField(
        label=_("Verwachte wachttijd in weken"),
        min_value=1,
        max_value=104,
        required=False,
        help_text=_("Bij een wachtlijst."),
    )
    full_until = forms.DateField(
        label=_("Vol tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Bij vol: daarna staat de dienst vanzelf weer open."),
    )
