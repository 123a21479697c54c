# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Forms of the journeys: they parse input; the services decide and save.

Every form renders with the NL Design System (Utrecht) classes, keeps what was
typed when it is refused, and carries a one-time token against double submits
(see referrals/views/once.py).
"""

import re
import uuid
from datetime import timedelta

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Category, Organisation, Service, Wijk
from directory.selectors.directory import active_services
from policies.cases import CloseReason
from policies.data_categories import DataCategory
from policies.programme import KOMPAS_GOALS, TARGET_GROUPS
from referrals.models import OWN_PART_OUTCOMES, Consent, ContactWay, DeclineReason, LegalBasis, Outcome, Urgency

_WIDGET_CLASSES = {
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
}
_TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"

LANGUAGES = [
    ("nl", _("Nederlands")),
    ("en", _("Engels")),
    ("ar", _("Arabisch")),
    ("tr", _("Turks")),
    ("pl", _("Pools")),
    ("ti", _("Tigrinya")),
    ("uk", _("Oekraïens")),
    ("so", _("Somalisch")),
    ("fa", _("Perzisch")),
    ("other", _("Andere taal")),
]


class UtrechtForm(forms.Form):
    """Adds the Utrecht component classes and the accessible error wiring."""

    # Fields the service requires (it words the message): not `required` here, so
    # that the service's own message shows, but marked as required to the user.
    service_required: tuple[str, ...] = ()
    mark_optional = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.service_required:
            self.fields[name].show_required = True
            if not isinstance(self.fields[name].widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                self.fields[name].widget.attrs["aria-required"] = "true"
        for field in self.fields.values():
            widget = field.widget
            css = next((c for w, c in _WIDGET_CLASSES.items() if isinstance(widget, w)), _TEXTBOX)
            if isinstance(widget, forms.HiddenInput):
                continue
            widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.mark_invalid(name)

    def mark_invalid(self, name: str) -> None:
        attrs = self.fields[name].widget.attrs
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"id_{name}_error"

    def refuse(self, refused) -> None:
        """Show a service's ActionRefused next to its field, or at the top."""
        field = refused.field if refused.field in self.fields else None
        self.add_error(field, refused.message)
        if field:
            self.mark_invalid(field)


class OnceForm(UtrechtForm):
    """A form whose POST is done once: a second submit of the same token is ignored."""

    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = uuid.uuid4().hex


_PLAIN_ID = re.compile(r"[0-9]{1,18}")


def plain_id(value: object) -> int | None:
    """An id as a form or query parameter gives it: plain ASCII digits that fit a database bigint, else None.

    `str.isdigit()` accepts "²" (which int() refuses) and any length (which overflows the database).
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _PLAIN_ID.fullmatch(value):
        return None
    return int(value)


class ModelChoicesById(forms.ModelMultipleChoiceField):
    """Checkboxes of objects by id: a value that is no plain id is an invalid choice, before any query.

    Django checks each value with an exact lookup (safe) but then selects them all with `IN (…)`,
    where a value beyond a bigint overflows SQLite (a 500 instead of a form error).
    """

    def _check_values(self, value):
        for pk in value or ():
            if not isinstance(pk, models.Model) and plain_id(pk) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": str(pk)[:20]}
                )
        return super()._check_values(value)


def category_field(**kwargs):
    return ModelChoicesById(
        label=_("Soort hulpvraag"),
        queryset=Category.objects.order_by("group", "name"),
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


class CaseOpenForm(OnceForm):
    service_required = ("categories",)
    given_name = forms.CharField(label=_("Voornaam of initialen"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Achternaam"), max_length=100, required=False)
    birth_year = forms.IntegerField(
        label=_("Geboortejaar"),
        required=False,
        min_value=1900,
        help_text=_("Alleen het jaar, geen volledige geboortedatum."),
    )
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    preferred_language = forms.ChoiceField(label=_("Voorkeurstaal"), choices=LANGUAGES, initial="nl")
    needs_interpreter = forms.BooleanField(label=_("Heeft een tolk nodig"), required=False)
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.all(), required=False)
    categories = category_field(required=False)
    # What the programme reports on (policies.programme); optional, never shown to other partners.
    target_groups = forms.MultipleChoiceField(
        label=_("Doelgroep"), choices=TARGET_GROUPS, widget=forms.CheckboxSelectMultiple, required=False
    )
    kompas_goals = forms.MultipleChoiceField(
        label=_("Doel in het Sociaal Kompas"),
        choices=KOMPAS_GOALS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Voor de cijfers van het programma; de partners zien dit niet."),
    )
    # Set after the possible-existing-case warning: the user continues deliberately.
    confirm_new = forms.BooleanField(
        label=_("Ik heb dit gezien en open toch een nieuwe casus"),
        required=False,
    )

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year and year > timezone.localdate().year:
            raise forms.ValidationError(_("Het geboortejaar kan niet in de toekomst liggen."))
        return year

    def clean_phone(self):
        return self.cleaned_data.get("phone", "").strip()


class ConsentForm(OnceForm):
    service_required = ("recipients", "data_categories", "given_how")
    purpose = forms.CharField(
        label=_("Doel"),
        max_length=300,
        initial=_("Hulp zoeken bij de partners van Sterk voor Noord"),
        help_text=_("Waarvoor geeft de inwoner toestemming?"),
    )
    recipients = ModelChoicesById(
        label=_("Met welke organisaties mag gedeeld worden"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    data_categories = forms.MultipleChoiceField(
        label=_("Welke gegevens"),
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=["contact", "summary", "needs"],
    )
    given_how = forms.ChoiceField(
        label=_("Hoe gegeven"), choices=Consent.GivenHow.choices, widget=forms.RadioSelect, required=False
    )
    informed_language = forms.ChoiceField(label=_("Geïnformeerd in taal"), choices=LANGUAGES, initial="nl")
    valid_until = forms.DateField(
        label=_("Geldig tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=lambda: timezone.localdate() + timedelta(days=365),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = Organisation.objects.filter(agreement_signed_on__isnull=False).exclude(
            kind=Organisation.Kind.ENFORCEMENT
        )


class ConsentChangeForm(ConsentForm):
    """A new version of a consent, prefilled from the one it replaces (see `initial_from`)."""

    # Set after the page has shown what the change stops: leaving a recipient or data out is
    # then a deliberate removal, not a box forgotten while retyping.
    confirm_removal = forms.BooleanField(
        label=_("Ik heb gezien wat deze wijziging stopt en wijzig toch"),
        required=False,
    )

    @staticmethod
    def initial_from(consent) -> dict:
        return {
            "purpose": consent.purpose,
            "recipients": [organisation.pk for organisation in consent.recipients.all()],
            "data_categories": list(consent.data_categories),
            "informed_language": consent.informed_language,
            "valid_until": consent.valid_until,
        }


class ConsentWithdrawForm(OnceForm):
    reason = forms.CharField(
        label=_("Reden van intrekken"),
        max_length=300,
        help_text=_("Bijvoorbeeld: de inwoner wil niet meer dat gegevens gedeeld worden. Geen namen."),
    )


def _service_choice(service: Service) -> str:
    note = service.capacity_note()
    return f"{service} — {note}" if note else str(service)


class _ReferralContentForm(OnceForm):
    service_required = ("service", "summary", "categories")
    service = forms.ModelChoiceField(
        label=_("Dienst"), queryset=Service.objects.none(), empty_label=_("Kies een dienst"), required=False
    )
    summary = forms.CharField(
        label=_("Samenvatting van de hulpvraag"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("Eén keer geschreven voor de ontvanger: wat speelt er, wat is al geprobeerd, wat is nodig."),
    )
    categories = category_field(required=False)
    urgency = forms.ChoiceField(
        label=_("Urgentie"), choices=Urgency.choices, widget=forms.RadioSelect, initial=Urgency.NORMAL
    )
    shared_data = forms.MultipleChoiceField(
        label=_("Gegevens die u deelt"),
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=["contact", "summary", "needs"],
        help_text=_("Contactgegevens, samenvatting en soort hulpvraag gaan altijd mee."),
    )
    legal_basis = forms.ChoiceField(label=_("Grondslag"), choices=LegalBasis.choices, initial=LegalBasis.CONSENT)
    legal_basis_justification = forms.CharField(
        label=_("Onderbouwing (bij een andere grondslag dan toestemming)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, exclude_organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        services = active_services().filter(accepts_referrals=True).select_related("organisation")
        if exclude_organisation is not None:
            services = services.exclude(organisation=exclude_organisation)
        self.fields["service"].queryset = services.order_by("organisation__name", "name")
        # A waiting list or a full service shows in the choice itself, before the referrer sends.
        self.fields["service"].label_from_instance = _service_choice

    def clean_service(self):
        service = self.cleaned_data.get("service")
        if service is None:
            raise forms.ValidationError(_("Kies de dienst waarnaar u verwijst."))
        return service


class ReferralForm(_ReferralContentForm):
    pass


class ForwardForm(_ReferralContentForm):
    """Doorverwijzen and erbij verwijzen: the minimum by default (see `minimum_initial`)."""

    @staticmethod
    def minimum_initial(referral, service, *, with_summary: bool) -> dict:
        """Share the minimum unless the user chooses more: only the categories the next service
        handles are ticked, no financial, household or health data (the field's default), and the
        summary is written for the next partner — copied from this referral only on request."""
        initial: dict = {"urgency": referral.urgency}
        if service is not None:
            initial["service"] = service
            initial["categories"] = list(service.categories.all())
        if with_summary:
            initial["summary"] = referral.summary
        return initial


class ServiceChoiceForm(UtrechtForm):
    """Step one of a forward: which service, so the form can preselect what that service needs."""

    dienst = forms.ModelChoiceField(
        label=_("Dienst"), queryset=Service.objects.none(), empty_label=_("Kies een dienst")
    )

    def __init__(self, *args, exclude_organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        services = active_services().filter(accepts_referrals=True).select_related("organisation")
        if exclude_organisation is not None:
            services = services.exclude(organisation=exclude_organisation)
        self.fields["dienst"].queryset = services.order_by("organisation__name", "name")


class DeclineForm(OnceForm):
    service_required = ("reason", "note")
    reason = forms.ChoiceField(
        label=_("Reden"), choices=[("", _("Kies een reden"))] + DeclineReason.choices, required=False
    )
    note = forms.CharField(
        label=_("Toelichting voor de verwijzer"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class AssignForm(OnceForm):
    assignee = forms.ModelChoiceField(label=_("Collega"), queryset=None, empty_label=_("Kies een collega"))

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = colleagues
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.username


class FirstContactForm(OnceForm):
    service_required = ("way",)
    on = forms.DateField(
        label=_("Datum eerste contact"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    way = forms.ChoiceField(label=_("Hoe"), choices=[("", _("Kies hoe"))] + ContactWay.choices, required=False)
    note = forms.CharField(
        label=_("Notitie (optioneel)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Bijvoorbeeld de afspraak die u maakte. Alleen voor wie aan deze verwijzing werkt."),
    )


class ContactAttemptForm(OnceForm):
    service_required = ("way",)
    on = forms.DateField(
        label=_("Datum van de poging"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    way = forms.ChoiceField(label=_("Hoe"), choices=[("", _("Kies hoe"))] + ContactWay.choices, required=False)
    note = forms.CharField(
        label=_("Notitie (optioneel)"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: voicemail ingesproken, brief in de bus. Geen persoonlijke details."),
    )


class OwnOutcomeForm(OnceForm):
    """After a hand-over: what the forwarding partner's own work achieved."""

    service_required = ("outcome",)
    outcome = forms.ChoiceField(
        label=_("Uitkomst van uw deel"),
        choices=[("", _("Kies een uitkomst"))] + [(o.value, o.label) for o in OWN_PART_OUTCOMES],
        required=False,
    )
    note = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class CloseForm(OnceForm):
    service_required = ("outcome",)
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[("", _("Kies een uitkomst"))] + [c for c in Outcome.choices if c[0] != Outcome.HANDED_OVER],
        required=False,
    )
    note = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ConfirmForm(OnceForm):
    """Accept, withdraw: one button, still only once."""


class GoalForm(OnceForm):
    service_required = ("text",)
    text = forms.CharField(label=_("Nieuw doel in het plan"), max_length=500, required=False)


# --- The regisseur's tools (issue 13, point 6) ---------------------------------------------


class RegieOfferForm(OnceForm):
    """To whom the regisseur offers the regie: a person *and* the organisation they refer for."""

    candidate = forms.ModelChoiceField(
        label=_("Aan wie biedt u de regie aan?"),
        queryset=None,
        empty_label=_("Kies een professional"),
        error_messages={"required": _("Kies aan wie u de regie aanbiedt.")},
        help_text=_("Verwijzers en regisseurs van de partnerorganisaties. De regie gaat pas over als zij aannemen."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].queryset = candidates
        self.fields["candidate"].label_from_instance = lambda m: (
            f"{m.user.get_full_name() or m.user.username} — {m.organisation} ({m.get_role_display()})"
        )


class CaseCloseForm(OnceForm):
    service_required = ("reason",)
    reason = forms.ChoiceField(
        label=_("Waarom sluit de casus?"),
        choices=[("", _("Kies een reden"))] + CloseReason.choices,
        required=False,
    )


class HouseholdMemberForm(OnceForm):
    """A household member: their own name and contact, sealed like the hulpvrager's."""

    service_required = ("family_name",)
    given_name = forms.CharField(label=_("Voornaam of initialen"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Achternaam"), max_length=100, required=False)
    birth_year = forms.IntegerField(
        label=_("Geboortejaar"), required=False, min_value=1900, help_text=_("Alleen het jaar.")
    )
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year and year > timezone.localdate().year:
            raise forms.ValidationError(_("Het geboortejaar kan niet in de toekomst liggen."))
        return year


class FollowUpDoneForm(OnceForm):
    note = forms.CharField(
        label=_("Wat bleek (optioneel)"),
        max_length=500,
        required=False,
        help_text=_("Bijvoorbeeld: gaat goed, geen hulp meer nodig. Alleen voor wie aan de casus werkt."),
    )
