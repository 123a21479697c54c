# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Withdrawing and changing a consent, from the case page.

Both first show what they do — which open referrals stop, which organisations lose access — so
that a withdrawal is confirmed knowingly and a change that leaves a recipient out is a visible
removal, not a box forgotten while retyping. The services (referrals.services.consent) do the
work and check the rules again.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.views.acting import referring_organisation
from policies.consent_text import consent_text
from referrals import services
from referrals.forms import ConsentChangeForm, ConsentWithdrawForm
from referrals.selectors.consents import change_effects, consent_to_change, withdrawal_effects
from referrals.services import ActionRefused
from referrals.views import once


def _no_longer_changeable(request, case, consent):
    """A withdrawn or replaced record stays as history; say so instead of a form."""
    if consent.withdrawn_at:
        messages.error(request, _("Deze toestemming is al ingetrokken. Leg zo nodig een nieuwe toestemming vast."))
    else:
        messages.error(request, _("Deze toestemming is al vervangen; wijzig of trek de nieuwste versie in."))
    return redirect("case_detail", pk=case.pk)


@never_cache
@login_required
def consent_withdraw(request, pk: int, consent_pk: int):
    case, consent = consent_to_change(request.user, pk, consent_pk)
    if request.method == "POST" and (done := once.already_done(request)):
        return done
    if consent.withdrawn_at or hasattr(consent, "replaced_by"):
        return _no_longer_changeable(request, case, consent)
    form = ConsentWithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_withdraw(
                consent=consent,
                actor=request.user,
                organisation=referring_organisation(request),
                reason=form.cleaned_data["reason"],
            )
        except ActionRefused as refused:
            form.refuse(refused)
        else:
            messages.success(
                request, _("De toestemming is ingetrokken. De betrokken organisaties zien de gegevens niet meer.")
            )
            return once.done(request, reverse("case_detail", args=[case.pk]))
    return render(
        request,
        "cases/consent_withdraw.html",
        {"case": case, "consent": consent, "effects": withdrawal_effects(consent), "form": form},
    )


@never_cache
@login_required
def consent_change(request, pk: int, consent_pk: int):
    case, consent = consent_to_change(request.user, pk, consent_pk)
    if request.method == "POST" and (done := once.already_done(request)):
        return done
    if consent.withdrawn_at or hasattr(consent, "replaced_by"):
        return _no_longer_changeable(request, case, consent)
    effects = None
    if request.method == "POST":
        form = ConsentChangeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            effects = change_effects(consent, recipients=data["recipients"], data_categories=data["data_categories"])
            if effects.narrows and not data.get("confirm_removal"):
                form.add_error(
                    "confirm_removal",
                    _("Deze wijziging haalt iets weg (zie hierboven). Kijk het na en vink aan dat u het zo bedoelt."),
                )
                form.mark_invalid("confirm_removal")
            else:
                try:
                    services.consent_record(
                        case=case,
                        actor=request.user,
                        organisation=referring_organisation(request),
                        purpose=data["purpose"],
                        recipients=list(data["recipients"]),
                        data_categories=data["data_categories"],
                        given_how=data["given_how"],
                        informed_language=data["informed_language"],
                        valid_until=data["valid_until"],
                        replaces=consent,
                    )
                except ActionRefused as refused:
                    form.refuse(refused)
                else:
                    messages.success(
                        request, _("De toestemming is gewijzigd; de vorige versie staat als vervangen bij de casus.")
                    )
                    return once.done(request, reverse("case_detail", args=[case.pk]))
    else:
        form = ConsentChangeForm(initial=ConsentChangeForm.initial_from(consent))
    if effects is None or not effects.narrows:
        # The confirmation only makes sense next to what it confirms.
        del form.fields["confirm_removal"]
    return render(
        request,
        "cases/consent.html",
        {
            "case": case,
            "form": form,
            "replaces": consent,
            "effects": effects,
            "consent_text": consent_text(get_language() or "nl"),
        },
    )
