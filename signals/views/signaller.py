# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The signaller's pages: hand in a signal, see the status of one's own, add information until pickup."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.selectors.actor import actor_for
from accounts.selectors.memberships import organisations_for
from policies.roles import Role
from policies.signals import signal_policy, signaller_status
from referrals.services.errors import ActionRefused
from referrals.views import once
from referrals.views.common import paginate
from signals.forms import AdditionForm, SignalForm, hand_in_arguments
from signals.selectors.signals import signal_for_signaller, signals_of_signaller
from signals.services.signals import signal_add_information, signal_hand_in


def _signalling_organisation(request):
    """The organisation the signaller hands in for; anyone who is no signaller finds no such page (404)."""
    orgs = organisations_for(request.user, {Role.SIGNALLER})
    if not orgs:
        raise Http404
    wanted = request.GET.get("organisatie") or request.POST.get("organisatie")
    return next((o for o in orgs if str(o.pk) == wanted), orgs[0])


@never_cache
@login_required
def my_signals(request):
    _signalling_organisation(request)
    page = paginate(request, signals_of_signaller(request.user))
    rows = [(signal, signaller_status(signal.status)) for signal in page]
    return render(request, "signals/mine.html", {"page": page, "rows": rows})


@never_cache
@login_required
def signal_new(request):
    organisation = _signalling_organisation(request)
    if request.method == "POST":
        if done := once.already_done(request):
            return done
        form = SignalForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                signal = signal_hand_in(actor=request.user, organisation=organisation, **hand_in_arguments(data))
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(
                    request,
                    _("Uw signaal %(ref)s is ontvangen. Een professional van de signaalbalie pakt het op.")
                    % {"ref": signal.reference},
                )
                return once.done(request, reverse("signals:mine"))
    else:
        form = SignalForm()
    return render(request, "signals/new.html", {"form": form, "organisation": organisation})


@never_cache
@login_required
def signal_add(request, pk):
    signal = signal_for_signaller(request.user, pk)
    if not signal_policy.may_add_information(actor_for(request.user), signal):
        messages.info(request, _("Dit signaal is al opgepakt; aanvullen kan niet meer."))
        return redirect("signals:mine")
    if request.method == "POST":
        if done := once.already_done(request):
            return done
        form = AdditionForm(request.POST)
        if form.is_valid():
            try:
                signal_add_information(signal=signal, actor=request.user, text=form.cleaned_data["text"])
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(request, _("Uw aanvulling is bij het signaal gezet."))
                return once.done(request, reverse("signals:mine"))
    else:
        form = AdditionForm()
    return render(
        request, "signals/add.html", {"form": form, "signal": signal, "status": signaller_status(signal.status)}
    )
