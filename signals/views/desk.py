# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The signal desk's pages: the inbox of signals, one signal, pick up, open a case from it, close it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.selectors.actor import actor_for
from directory.models import Organisation
from policies.signals import signal_policy
from referrals.models import crypto
from referrals.selectors.contacts import regisseur_contact
from referrals.services.errors import ActionRefused
from referrals.views import once
from referrals.views.case_form import open_from_form
from signals.forms import CloseForm, SignalCaseForm, SignallerForm
from signals.selectors.signals import desk_ids, desk_inbox, my_desks, picked_up_by_another_desk, signal_for_desk
from signals.services.signallers import signaller_account_create
from signals.services.signals import signal_close, signal_open_case, signal_pick_up

SIGNAL_PAGE_FIELDS = ("concern", "additions", "contact")


def _desk_or_404(request) -> frozenset[int]:
    mine = my_desks(request.user)
    if not mine:
        raise Http404
    return mine


@never_cache
@login_required
def inbox(request):
    _desk_or_404(request)
    lists = desk_inbox(request.user)
    may_add_signallers = bool(signal_policy.signaller_admin_organisations(actor_for(request.user), desk_ids()))
    return render(request, "signals/inbox.html", {**lists, "may_add_signallers": may_add_signallers})


@never_cache
@login_required
def detail(request, pk):
    signal = signal_for_desk(request.user, pk, shows=SIGNAL_PAGE_FIELDS)
    actor, desks = actor_for(request.user), desk_ids()
    return render(
        request,
        "signals/detail.html",
        {
            "signal": signal,
            "resident": signal.resident,
            "may_pick_up": signal_policy.may_pick_up(
                actor, signal, min(signal_policy.desk_organisations(actor, desks)), desks
            ),
            "may_close": signal_policy.may_close(actor, signal, desks),
            "may_open_case": signal_policy.may_open_case(actor, signal, desks),
        },
    )


@require_POST
@login_required
def pick_up(request, pk):
    mine = sorted(_desk_or_404(request))
    if picked_up_by_another_desk(pk, mine):
        return _already_taken(request)
    try:
        signal = signal_for_desk(request.user, pk)
    except Http404:
        # The other desk's pick-up committed between the check above and this lookup.
        if picked_up_by_another_desk(pk, mine):
            return _already_taken(request)
        raise
    wanted = request.POST.get("organisatie", "")
    organisation = Organisation.objects.get(pk=next((o for o in mine if str(o) == wanted), mine[0]))
    try:
        signal_pick_up(signal=signal, actor=request.user, organisation=organisation)
    except ActionRefused as refused:
        # Most often another desk was first: the signal is no longer theirs to see, so back to the inbox.
        messages.error(request, refused.message)
        return redirect("signals:desk")
    messages.success(request, _("U heeft het signaal opgepakt. Neem contact op met de inwoner."))
    return redirect("signals:desk_detail", pk=signal.pk)


def _already_taken(request):
    # Another desk was first (two clicks at once): a desk worker saw it when it was new, so say so.
    messages.error(request, _("Dit signaal is al opgepakt door een andere signaalbalie."))
    return redirect("signals:desk")


@never_cache
@login_required
def close(request, pk):
    signal = signal_for_desk(request.user, pk)
    if not signal_policy.may_close(actor_for(request.user), signal, desk_ids()):
        raise PermissionDenied(_("Afsluiten kan de organisatie die het signaal heeft opgepakt, zolang het open is."))
    if request.method == "POST":
        if done := once.already_done(request):
            return done
        form = CloseForm(request.POST)
        if form.is_valid():
            try:
                signal_close(signal=signal, actor=request.user, reason=form.cleaned_data["reason"])
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(request, _("Het signaal is afgesloten."))
                return once.done(request, reverse("signals:desk"))
    else:
        form = CloseForm()
    return render(request, "signals/close.html", {"form": form, "signal": signal})


def _initial_from(signal) -> dict:
    resident = signal.resident
    try:
        contact = {
            "given_name": resident.given_name,
            "phone": resident.phone,
            "email": resident.email,
            "preferred_language": resident.preferred_language or "nl",
        }
    except crypto.DataErased:
        contact = {}
    return {**contact, "wijk": signal.wijk_id, "categories": list(signal.categories.all())}


@never_cache
@login_required
def open_case(request, pk):
    signal = signal_for_desk(request.user, pk, shows=SIGNAL_PAGE_FIELDS)
    if not signal_policy.may_open_case(actor_for(request.user), signal, desk_ids()):
        raise PermissionDenied(_("Een casus openen kan een verwijzer van de organisatie die het signaal oppakte."))
    existing = None
    if request.method == "POST":
        if done := once.already_done(request):
            return done
        form = SignalCaseForm(request.POST)
        case, existing = open_from_form(
            form, lambda **fields: signal_open_case(signal=signal, actor=request.user, **fields)
        )
        if case is not None:
            messages.success(
                request, _("Casus %(ref)s is geopend. Leg nu de toestemming vast.") % {"ref": case.reference}
            )
            return once.done(request, reverse("consent_record", args=[case.pk]))
    else:
        form = SignalCaseForm(initial=_initial_from(signal))
    return render(
        request,
        "signals/open_case.html",
        {
            "form": form,
            "signal": signal,
            "existing": existing,
            "existing_regisseur": regisseur_contact(existing) if existing else None,
        },
    )


@never_cache
@login_required
def signaller_new(request):
    orgs = signal_policy.signaller_admin_organisations(actor_for(request.user), desk_ids())
    if not orgs:
        raise Http404
    organisation = Organisation.objects.filter(pk__in=orgs).order_by("name").first()
    if request.method == "POST":
        form = SignallerForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                membership = signaller_account_create(
                    by=request.user,
                    organisation=organisation,
                    username=data["username"],
                    first_name=data["first_name"],
                    email=data["email"],
                    password=data["password"],
                    valid_until=data["valid_until"],
                )
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(
                    request,
                    _("Signaleerder %(name)s kan inloggen tot en met %(day)s.")
                    % {"name": membership.user.username, "day": membership.valid_until.strftime("%d-%m-%Y")},
                )
                return redirect("signals:desk")
    else:
        form = SignallerForm()
    return render(request, "signals/signaller_new.html", {"form": form, "organisation": organisation})
