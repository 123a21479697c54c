# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Journey 1 (open a case, record consent) and journey 3 (the regisseur's case page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.views.acting import referring_organisation
from directory.models import Service
from policies.consent_text import consent_text
from referrals import services
from referrals.forms import CaseOpenForm, ConsentForm, GoalForm
from referrals.models import FollowUp, PlanGoal
from referrals.selectors import referrals as selectors
from referrals.selectors.access import case_for, resident_for_case_page
from referrals.selectors.cases import (
    case_events,
    cases_of,
    household_with_consent,
    pending_regie_offer,
    regie_offers_to,
)
from referrals.selectors.consents import consent_history
from referrals.selectors.contacts import case_contacts, regisseur_contact
from referrals.services import ActionRefused
from referrals.views import once
from referrals.views.case_form import open_from_form
from referrals.views.common import id_param, paginate

CASE_PAGE_FIELDS = (
    "resident_name",
    "contact",
    "preferred_language",
    "needs_interpreter",
    "plan_goals",
    "household_members",
)


def _service_from(request) -> Service | None:
    pk = id_param(request.GET.get("dienst") or request.POST.get("dienst"))
    if pk is None:
        return None
    return Service.objects.select_related("organisation").filter(pk=pk).first()


def _with_service(url: str, service: Service | None) -> str:
    return f"{url}?dienst={service.pk}" if service else url


@login_required
def case_list(request):
    page = paginate(request, cases_of(request.user))
    return render(request, "cases/list.html", {"page": page, "regie_offers": list(regie_offers_to(request.user))})


@never_cache
@login_required
def case_open(request):
    # Only organisations where the user refers (else 403): they may open a case there.
    organisation = referring_organisation(request)
    service = _service_from(request)
    existing = None
    if request.method == "POST":
        if done := once.already_done(request):
            return done
        form = CaseOpenForm(request.POST)
        case, existing = open_from_form(
            form, lambda **fields: services.case_open(actor=request.user, organisation=organisation, **fields)
        )
        if case is not None:
            messages.success(
                request, _("Casus %(ref)s is geopend. Leg nu de toestemming vast.") % {"ref": case.reference}
            )
            return once.done(request, _with_service(reverse("consent_record", args=[case.pk]), service))
    else:
        form = CaseOpenForm(initial={"categories": service.categories.all()} if service else None)
    return render(
        request,
        "cases/open.html",
        {
            "form": form,
            "organisation": organisation,
            "service": service,
            "existing": existing,
            "existing_regisseur": regisseur_contact(existing) if existing else None,
        },
    )


@never_cache
@login_required
def case_detail(request, pk):
    case = case_for(request.user, pk, shows=CASE_PAGE_FIELDS)
    timeline = selectors.case_timeline(case, request.user)
    consents = consent_history(case)
    # One timeline: what happened to the referrals and to the case itself (regie, household, closing).
    entries = [("referral", e) for e in timeline["events"]] + [("case", e) for e in case_events(case)]
    entries.sort(key=lambda entry: entry[1].at)
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "resident": case.resident,
            **timeline,
            "timeline": entries,
            "consents": consents,
            "contacts": case_contacts(case),
            "household": household_with_consent(case),
            "regie_offer": pending_regie_offer(case),
            "may_manage": case.may["manage"],
            "may_record_consent": case.may["record_consent"],
            "may_see_rights": resident_for_case_page(request.user, case.resident),
            "goal_statuses": PlanGoal.Status.choices,
            "goal_form": GoalForm(),
        },
    )


@login_required
def goal_add(request, pk):
    case = case_for(request.user, pk, action="manage")
    url = reverse("case_detail", args=[case.pk]) + "#plan"
    if request.method != "POST":
        return once.done(request, url)
    if done := once.already_done(request):
        return done
    form = GoalForm(request.POST)
    if form.is_valid():
        try:
            services.case_add_goal(case=case, actor=request.user, text=form.cleaned_data["text"])
        except ActionRefused as refused:
            form.refuse(refused)
        else:
            messages.success(request, _("Het doel is toegevoegd aan het plan."))
            return once.done(request, url)
    return render(request, "cases/goal.html", {"case": case, "form": form})


@never_cache
@login_required
def consent_record(request, pk):
    case = case_for(request.user, pk, action="record_consent")
    organisation = referring_organisation(request)
    service = _service_from(request)
    # A household member's own consent (?lid=<id>); otherwise the hulpvrager's.
    member = None
    if (member_pk := id_param(request.GET.get("lid"))) is not None:
        member = get_object_or_404(case.household, pk=member_pk)
    if request.method == "POST":
        if done := once.already_done(request):
            return done
        form = ConsentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.consent_record(
                    case=case,
                    actor=request.user,
                    organisation=organisation,
                    purpose=data["purpose"],
                    recipients=list(data["recipients"]),
                    data_categories=data["data_categories"],
                    given_how=data["given_how"],
                    informed_language=data["informed_language"],
                    valid_until=data["valid_until"],
                    resident=member,
                )
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(request, _("De toestemming is vastgelegd."))
                if member is not None:
                    return once.done(request, reverse("case_detail", args=[case.pk]) + "#h-household")
                target = reverse("referral_new", args=[case.pk]) if service else reverse("case_detail", args=[case.pk])
                return once.done(request, _with_service(target, service))
    else:
        recipients = [service.organisation_id] if service else []
        form = ConsentForm(initial={"recipients": recipients})
    return render(
        request,
        "cases/consent.html",
        {
            "case": case,
            "form": form,
            "service": service,
            "member": member,
            "consent_text": consent_text(get_language() or "nl"),
        },
    )


@login_required
@require_POST
def take_over_regie(request, pk):
    case = case_for(request.user, pk)
    if case.regisseur_id == request.user.pk:  # a second click: it is done already
        return redirect("case_detail", pk=case.pk)
    try:
        services.case_take_over_regie(case=case, actor=request.user)
    except ActionRefused as refused:
        raise PermissionDenied(refused.message) from None
    messages.success(request, _("U bent nu de regisseur van casus %(ref)s.") % {"ref": case.reference})
    return redirect("case_detail", pk=case.pk)


@login_required
@require_POST
def follow_up_done(request, pk, follow_up_pk):
    case = case_for(request.user, pk, action="manage")
    follow_up = get_object_or_404(FollowUp, pk=follow_up_pk, case=case)
    try:
        services.follow_up_done(follow_up=follow_up, actor=request.user)
    except ActionRefused as refused:
        raise PermissionDenied(refused.message) from None
    messages.success(request, _("De opvolging is gedaan."))
    return redirect(reverse("case_detail", args=[case.pk]) + "#h-followups")


@login_required
@require_POST
def goal_status(request, pk, goal_pk):
    case = case_for(request.user, pk, action="manage")
    goal = get_object_or_404(PlanGoal, pk=goal_pk, case=case)
    try:
        services.goal_set_status(goal=goal, actor=request.user, status=request.POST.get("status", ""))
    except ActionRefused as refused:
        if refused.field:
            messages.error(request, refused.message)
        else:
            raise PermissionDenied(refused.message) from None
    return redirect(reverse("case_detail", args=[case.pk]) + "#plan")
