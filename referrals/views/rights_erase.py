# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Verwijdering op verzoek (AVG art. 17): crypto-shred the resident's data, with the reason recorded."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from policies import subject_rights as rights
from referrals.models import OPEN_STATES, Referral
from referrals.selectors.access import resident_for
from referrals.services import ActionRefused
from referrals.services.subject_rights import resident_erase


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reden van de verwijdering"),
        max_length=300,
        help_text=gettext_lazy("Bijvoorbeeld ‘verzoek van de inwoner, mondeling op 3 maart’. Geen persoonsgegevens."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Ik begrijp dat de gegevens van deze inwoner daarna voor niemand meer leesbaar zijn."),
    )


@never_cache
@login_required
def rights_erase(request, pseudonym: str):
    resident = resident_for(request.user, pseudonym, rights.ERASE)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and not resident.erased_at and form.is_valid():
        try:
            resident_erase(resident=resident, actor=request.user, reason=form.cleaned_data["reason"])
        except ActionRefused as exc:
            form.add_error("reason" if exc.field == "reason" else None, exc.message)
        else:
            messages.success(request, _("De gegevens van %(p)s zijn gewist.") % {"p": resident.pseudonym})
            return redirect("rights:overview", pseudonym=resident.pseudonym)
    return render(
        request,
        "rights/erase.html",
        {
            "resident": resident,
            "form": form,
            "open_referrals": Referral.objects.filter(case__resident=resident, state__in=OPEN_STATES).count(),
        },
    )
