# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The regisseur's tools: hand the regie to another professional, keep the household, close and reopen."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from policies.cases import WAAKVLAM_MONTHS
from referrals import services
from referrals.forms import CaseCloseForm, ConfirmForm, HouseholdMemberForm, RegieOfferForm
from referrals.models import Case, RegieOffer
from referrals.selectors.access import case_for, regie_offer_for_page
from referrals.selectors.cases import closed_cases_of, regie_candidates
from referrals.services import ActionRefused
from referrals.views import once
from referrals.views.common import paginate


def _case_url(case: Case, anchor: str = "") -> str:
    return reverse("case_detail", args=[case.pk]) + (f"#{anchor}" if anchor else "")


@login_required
def closed_case_list(request):
    page = paginate(request, closed_cases_of(request.user))
    return render(request, "cases/closed_list.html", {"page": page})


@never_cache
@login_required
def regie_offer_new(request, pk):
    case = case_for(request.user, pk, action="offer_regie")
    candidates = regie_candidates(case)
    if request.method == "POST":
        if done := once.already_done(request):
            return done
        form = RegieOfferForm(request.POST, candidates=candidates)
        if form.is_valid():
            membership = form.cleaned_data["candidate"]
            try:
                services.regie_offer(
                    case=case, actor=request.user, to_user=membership.user, organisation=membership.organisation
                )
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(
                    request,
                    _("De regie is aangeboden. U blijft regisseur tot %(name)s het aanbod aanneemt.")
                    % {"name": membership.user.get_full_name() or membership.user.username},
                )
                return once.done(request, _case_url(case, "h-regie"))
    else:
        form = RegieOfferForm(candidates=candidates)
    return render(request, "cases/regie_offer.html", {"case": case, "form": form})


@login_required
@require_POST
def regie_offer_cancel(request, pk, offer_pk):
    case = case_for(request.user, pk, action="offer_regie")
    offer = get_object_or_404(RegieOffer, pk=offer_pk, case=case)
    if offer.status == RegieOffer.Status.CANCELLED:  # a second click: it is done already
        return redirect(_case_url(case, "h-regie"))
    try:
        services.regie_offer_cancel(offer=offer, actor=request.user)
    except ActionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Het aanbod van de regie is ingetrokken."))
    return redirect(_case_url(case, "h-regie"))


@never_cache
@login_required
def regie_offer_answer(request, pk):
    """The offered professional's page: what the offer is about, and accept or decline."""
    if request.method == "POST" and request.POST.get("answer") in ("accept", "decline"):
        if done := once.already_done(request):
            return done
    offer = regie_offer_for_page(request.user, pk)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST":
        answer = request.POST.get("answer")
        try:
            if answer == "accept":
                services.regie_offer_accept(offer=offer, actor=request.user)
            elif answer == "decline":
                services.regie_offer_decline(offer=offer, actor=request.user)
            else:
                raise ActionRefused(_("Kies: aannemen of afwijzen."))
        except ActionRefused as refused:
            form.refuse(refused)
        else:
            if answer == "accept":
                messages.success(
                    request, _("U bent nu de regisseur van casus %(ref)s.") % {"ref": offer.case.reference}
                )
                return once.done(request, _case_url(offer.case))
            messages.success(request, _("U heeft het aanbod afgewezen; de regisseur krijgt bericht."))
            return once.done(request, reverse("cases"))
    return render(request, "cases/regie_answer.html", {"offer": offer, "case": offer.case, "form": form})


@never_cache
@login_required
def case_close(request, pk):
    # The token first: a second submit of the same form finds the case closed (no longer "close"-able)
    # and must still land where the first one did.
    if request.method == "POST" and (done := once.already_done(request)):
        return done
    case = case_for(request.user, pk, action="close")
    if request.method == "POST":
        form = CaseCloseForm(request.POST)
        if form.is_valid():
            try:
                services.case_close(case=case, actor=request.user, reason=form.cleaned_data["reason"])
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(request, _("Casus %(ref)s is gesloten.") % {"ref": case.reference})
                return once.done(request, _case_url(case))
    else:
        form = CaseCloseForm()
    return render(request, "cases/close.html", {"case": case, "form": form, "months": WAAKVLAM_MONTHS})


@login_required
@require_POST
def case_reopen(request, pk):
    case = case_for(request.user, pk)
    if case.status == Case.Status.OPEN:  # a second click: it is done already
        return redirect(_case_url(case))
    try:
        services.case_reopen(case=case, actor=request.user)
    except ActionRefused as refused:
        raise PermissionDenied(refused.message) from None
    messages.success(request, _("Casus %(ref)s is weer open.") % {"ref": case.reference})
    return redirect(_case_url(case))


@never_cache
@login_required
def household_add(request, pk):
    case = case_for(request.user, pk, action="manage_household")
    if request.method == "POST":
        if done := once.already_done(request):
            return done
        form = HouseholdMemberForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.household_add(
                    case=case,
                    actor=request.user,
                    given_name=data["given_name"],
                    family_name=data["family_name"],
                    birth_year=data["birth_year"],
                    phone=data["phone"],
                    email=data["email"],
                )
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(request, _("Het gezinslid is toegevoegd."))
                return once.done(request, _case_url(case, "h-household"))
    else:
        form = HouseholdMemberForm()
    return render(request, "cases/household_add.html", {"case": case, "form": form})


@login_required
@require_POST
def household_remove(request, pk, member_pk):
    case = case_for(request.user, pk, action="manage_household")
    member = case.household.filter(pk=member_pk).first()
    if member is None:  # a second click, or not a member of this case
        return redirect(_case_url(case, "h-household"))
    try:
        services.household_remove(case=case, actor=request.user, member=member)
    except ActionRefused as refused:
        raise PermissionDenied(refused.message) from None
    messages.success(request, _("Het gezinslid hoort niet meer bij deze casus."))
    return redirect(_case_url(case, "h-household"))
