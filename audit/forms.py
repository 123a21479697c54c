# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's search form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEntry
from audit.selectors.search import AuditQuery
from directory.models import Organisation
from policies.register import ACTIVITIES
from referrals.models.residents import PSEUDONYM_PATTERN

_ACTIONS = [
    (AuditEntry.Action.CREATE, _("aangemaakt")),
    (AuditEntry.Action.UPDATE, _("gewijzigd")),
    (AuditEntry.Action.DELETE, _("verwijderd")),
    (AuditEntry.Action.ACCESS, _("ingezien")),
    (AuditEntry.Action.REFUSED, _("geweigerd")),
]
ACTION_LABELS = dict(_ACTIONS)


class DateInput(forms.DateInput):
    input_type = "date"


class AuditSearchForm(forms.Form):
    """The fields are the query parameters of the search and export URLs, so they are Dutch like the paths."""

    pseudoniem = forms.RegexField(
        label=_("Inwoner (pseudoniem)"),
        required=False,
        max_length=12,
        regex=rf"^\s*{PSEUDONYM_PATTERN}\s*$",
        help_text=_("Bijvoorbeeld R-7KQ2M9XA. Namen zoekt u hier nooit: het logboek kent alleen pseudoniemen."),
        error_messages={"invalid": _("Een pseudoniem ziet eruit als R- en acht tekens.")},
    )
    gebruiker = forms.CharField(label=_("Gebruiker (gebruikersnaam)"), required=False, max_length=150)
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.all(), required=False, empty_label=_("alle")
    )
    handeling = forms.TypedChoiceField(
        label=_("Handeling"), choices=[("", _("alle")), *_ACTIONS], coerce=int, empty_value=None, required=False
    )
    verwerking = forms.ChoiceField(
        label=_("Verwerking"),
        required=False,
        choices=[("", _("alle"))] + [(a.code, _(a.name)) for a in ACTIVITIES.values()],
    )
    vanaf = forms.DateField(label=_("Vanaf"), required=False, widget=DateInput)
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DateInput)

    def clean(self):
        data = super().clean()
        if data.get("vanaf") and data.get("tot") and data["tot"] < data["vanaf"]:
            raise forms.ValidationError(_("De einddatum ligt vóór de begindatum."))
        return data

    def query(self) -> AuditQuery:
        data = self.cleaned_data
        return AuditQuery(
            pseudonym=(data.get("pseudoniem") or "").strip().upper(),
            user=data.get("gebruiker") or "",
            organisation_id=data["organisatie"].pk if data.get("organisatie") else None,
            action=data.get("handeling"),
            activity=data.get("verwerking") or "",
            since=data.get("vanaf"),
            until=data.get("tot"),
        )
