# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The signal forms: the minimum a signaller hands in, and the desk's steps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import Wijk
from policies.signals import CloseReason
from referrals.forms import LANGUAGES, CaseOpenForm, OnceForm, UtrechtForm, category_field


class SignalForm(OnceForm):
    service_required = ("categories", "wijk", "concern")
    categories = category_field(required=False)
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.all(), required=False)
    concern = forms.CharField(
        label=_("Wat viel u op?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Beschrijf de zorg in een paar zinnen. Noem geen namen als het kan: niet van de inwoner, "
            "niet van huisgenoten of anderen."
        ),
    )
    resident_knows = forms.BooleanField(label=_("De inwoner weet dat ik dit signaal doorgeef"), required=False)
    resident_agreed_to_contact = forms.BooleanField(
        label=_("De inwoner wil dat een professional contact opneemt"),
        required=False,
        help_text=_("Alleen als de inwoner dat zelf heeft gezegd. Vul dan hieronder in hoe."),
    )
    contact_name = forms.CharField(
        label=_("Hoe spreekt de professional de inwoner aan"),
        max_length=100,
        required=False,
        help_text=_("Alleen als de inwoner wil dat er contact wordt opgenomen."),
    )
    phone = forms.CharField(label=_("Telefoonnummer van de inwoner"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mailadres van de inwoner"), required=False)
    preferred_language = forms.ChoiceField(label=_("Taal van de inwoner"), choices=LANGUAGES, initial="nl")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].label = _("Waarover maakt u zich zorgen?")


# What signals.services.signals.signal_hand_in takes from the form, for the page and the API alike.
HAND_IN_FIELDS = (
    "wijk",
    "concern",
    "resident_knows",
    "resident_agreed_to_contact",
    "contact_name",
    "phone",
    "email",
    "preferred_language",
)


def hand_in_arguments(cleaned_data: dict) -> dict:
    """signal_hand_in's keyword arguments from a valid SignalForm's cleaned data."""
    return {"categories": list(cleaned_data["categories"]), **{name: cleaned_data[name] for name in HAND_IN_FIELDS}}


class AdditionForm(OnceForm):
    service_required = ("text",)
    text = forms.CharField(
        label=_("Aanvulling"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Noem geen namen als het kan."),
    )


class CloseForm(OnceForm):
    service_required = ("reason",)
    reason = forms.ChoiceField(label=_("Reden"), choices=CloseReason.choices, widget=forms.RadioSelect, required=False)


class SignalCaseForm(CaseOpenForm):
    """The case form, filled in from the signal; the professional completes it after talking with the resident."""


class SignallerForm(UtrechtForm):
    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150)
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    password = forms.CharField(
        label=_("Eerste wachtwoord"),
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Geef het wachtwoord persoonlijk door, nooit per e-mail."),
    )
    valid_until = forms.DateField(
        label=_("Toegang tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leeg: twaalf maanden vanaf vandaag (langer kan niet)."),
    )
