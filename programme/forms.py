# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The Cijfers page's choice of period and filters, and the programme manager's targets."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Category, Organisation, Service, ServiceTarget, Wijk
from policies.programme import KOMPAS_GOALS, TARGET_GROUPS
from programme.selectors.figures import Filters, Period
from referrals.forms import UtrechtForm

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni"]
MONTHS += ["juli", "augustus", "september", "oktober", "november", "december"]
YEARS_BACK = 3


def _next_month(d: date) -> date:
    return (d.replace(day=1) + timedelta(days=32)).replace(day=1)


def period_from_code(code: str) -> Period | None:
    """ "2025" (year), "2025-H1" (half-year), "2025-K3" (quarter), "2025-03" (month)."""
    match = re.fullmatch(r"(\d{4})(?:-(H[12]|K[1-4]|\d{2}))?", code or "")
    if not match:
        return None
    year, part = int(match[1]), match[2]
    if not 2000 <= year <= 2100:
        return None
    if part is None:
        return Period(date(year, 1, 1), date(year + 1, 1, 1), str(year))
    if part[0] == "H":
        half = int(part[1])
        start = date(year, 1 + 6 * (half - 1), 1)
        end = date(year, 7, 1) if half == 1 else date(year + 1, 1, 1)
        return Period(start, end, f"{year}, {half}e halfjaar")
    if part[0] == "K":
        quarter = int(part[1])
        start = date(year, 1 + 3 * (quarter - 1), 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, start.month + 3, 1)
        return Period(start, end, f"{year}, {quarter}e kwartaal")
    month = int(part)
    if not 1 <= month <= 12:
        return None
    start = date(year, month, 1)
    return Period(start, _next_month(start), f"{MONTHS[month - 1]} {year}")


def period_choices(today: date) -> list[tuple[str, list[tuple[str, str]]]]:
    years = list(range(today.year, today.year - YEARS_BACK, -1))

    def label(code: str) -> str:
        period = period_from_code(code)
        return period.label if period else code

    return [
        (str(_("Jaar")), [(str(y), label(str(y))) for y in years]),
        (str(_("Halfjaar")), [(f"{y}-H{h}", label(f"{y}-H{h}")) for y in years for h in (2, 1)]),
        (str(_("Kwartaal")), [(f"{y}-K{q}", label(f"{y}-K{q}")) for y in years for q in (4, 3, 2, 1)]),
        (str(_("Maand")), [(f"{y}-{m:02}", label(f"{y}-{m:02}")) for y in years for m in range(12, 0, -1)]),
    ]


class FiguresForm(UtrechtForm):
    """The query parameters of /cijfers/: Dutch, like the page's path."""

    mark_optional = False
    periode = forms.ChoiceField(label=_("Periode"), required=False)
    van = forms.DateField(
        label=_("Of van"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    tot = forms.DateField(
        label=_("tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=Organisation.objects.order_by("name"), required=False, empty_label=_("Alle")
    )
    dienst = forms.ModelChoiceField(
        label=_("Dienst"),
        queryset=Service.objects.select_related("organisation").order_by("organisation__name", "name"),
        required=False,
        empty_label=_("Alle"),
    )
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.all(), required=False, empty_label=_("Alle"))
    categorie = forms.ModelChoiceField(
        label=_("Soort hulpvraag"),
        queryset=Category.objects.order_by("group", "name"),
        required=False,
        empty_label=_("Alle"),
    )
    doelgroep = forms.ChoiceField(label=_("Doelgroep"), choices=[("", _("Alle")), *TARGET_GROUPS], required=False)
    doel = forms.ChoiceField(label=_("Doel Sociaal Kompas"), choices=[("", _("Alle")), *KOMPAS_GOALS], required=False)

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["periode"].choices = period_choices(self.today)
        self.fields["dienst"].label_from_instance = lambda s: f"{s.name} ({s.organisation.name})"

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if bool(van) != bool(tot):
            raise forms.ValidationError(_("Vul bij een eigen periode zowel ‘van’ als ‘tot en met’ in."))
        if van and tot and tot < van:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data

    def period(self) -> Period:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("van") and data.get("tot"):
            van, tot = data["van"], data["tot"]
            return Period(van, tot + timedelta(days=1), f"{van:%d-%m-%Y} t/m {tot:%d-%m-%Y}")
        return period_from_code(data.get("periode") or "") or period_from_code(str(self.today.year))  # type: ignore[return-value]

    def filters(self) -> Filters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return Filters(
            partner=data.get("partner"),
            service=data.get("dienst"),
            wijk=data.get("wijk"),
            category=data.get("categorie"),
            target_group=data.get("doelgroep", ""),
            kompas_goal=data.get("doel", ""),
        )


class TargetForm(UtrechtForm):
    """A target agreed with a partner for one of its services and a period."""

    service = forms.ModelChoiceField(
        label=_("Dienst"),
        queryset=Service.objects.select_related("organisation").order_by("organisation__name", "name"),
    )
    starts_on = forms.DateField(label=_("Van"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    ends_on = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    measure = forms.ChoiceField(label=_("Wat telt"), choices=ServiceTarget.Measure.choices)
    target = forms.IntegerField(label=_("Doel (aantal)"), min_value=1, max_value=100_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].label_from_instance = lambda s: f"{s.name} ({s.organisation.name})"
