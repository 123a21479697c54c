# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Correctie (AVG art. 16): the regisseur corrects the resident's data on their request."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from audit.models import AuditReason
from policies import subject_rights as rights
from referrals.selectors.access import resident_for
from referrals.services import ActionRefused
from referrals.services.subject_rights import RECTIFIABLE_FIELDS, resident_rectify


class RectifyForm(forms.Form):
    given_name = forms.CharField(label=gettext_lazy("Voornaam of initialen"), required=False, max_length=100)
    family_name = forms.CharField(label=gettext_lazy("Achternaam"), required=False, max_length=100)
    birth_year = forms.IntegerField(label=gettext_lazy("Geboortejaar"), required=False, min_value=1900, max_value=2100)
    phone = forms.CharField(label=gettext_lazy("Telefoon"), required=False, max_length=30)
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    preferred_language = forms.CharField(label=gettext_lazy("Voorkeurstaal"), required=False, max_length=30)
    needs_interpreter = forms.BooleanField(label=gettext_lazy("Tolk nodig"), required=False)
    reason = forms.CharField(
        label=gettext_lazy("Reden van de correctie"),
        max_length=300,
        help_text=gettext_lazy(
            "Bijvoorbeeld ‘verzoek van de inwoner: telefoonnummer gewijzigd’. Geen persoonsgegevens."
        ),
    )


@never_cache
@login_required
def rights_rectify(request, pseudonym: str):
    # Showing the current values (GET) is a view of personal data: the access helper logs it.
    shows = RECTIFIABLE_FIELDS if request.method != "POST" else ()
    resident = resident_for(request.user, pseudonym, rights.RECTIFY, shows=shows, reason=AuditReason.RECTIFICATION_FORM)
    if request.method == "POST":
        form = RectifyForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                changed = resident_rectify(
                    resident=resident,
                    actor=request.user,
                    reason=data["reason"],
                    changes={name: data[name] for name in RECTIFIABLE_FIELDS},
                )
            except ActionRefused as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Gecorrigeerd: %(n)s gegeven(s).") % {"n": len(changed)})
                return redirect("rights:overview", pseudonym=resident.pseudonym)
    else:
        form = RectifyForm(initial={name: getattr(resident, name) for name in RECTIFIABLE_FIELDS})
    return render(request, "rights/rectify.html", {"resident": resident, "form": form})
