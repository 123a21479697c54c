# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Journey 1 (send, follow up) and journey 2 (inbox, accept, decline, assign, contact, forward, close)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from accounts.selectors.memberships import colleagues, organisations_for
from accounts.views.acting import receiving_organisation, referring_organisation
from directory.models import Service
from policies.roles import RECEIVING_ROLES
from referrals import services
from referrals.forms import (
    AssignForm,
    CloseForm,
    ConfirmForm,
    ContactAttemptForm,
    DeclineForm,
    FirstContactForm,
    ForwardForm,
    OwnOutcomeForm,
    ReferralForm,
    ServiceChoiceForm,
)
from referrals.models import State
from referrals.selectors import referrals as selectors
from referrals.selectors.access import case_for, referral_for
from referrals.selectors.cases import recent_notifications
from referrals.selectors.contacts import referral_contacts, regisseur_contact
from referrals.services import ActionRefused
from referrals.views import once
from referrals.views.common import id_param, paginate, query_without_page

# The inbox tabs: ?bak= in the URL (Dutch, like the paths), the selector's box, the label.
INBOX_BOXES = (
    ("nieuw", "new", gettext_lazy("Nieuw")),
    ("te-laat", "overdue", gettext_lazy("Te laat")),
    ("van-mij", "mine", gettext_lazy("Van mij")),
    ("alle", "all", gettext_lazy("Alles open")),
)


@login_required
def sent_list(request):
    now = timezone.now()
    referrals = selectors.sent_by(request.user)
    overdue = referrals.filter(state=State.SENT, respond_by__lt=now)
    only_overdue = request.GET.get("filter") == "te-laat"
    counts = selectors.sent_counts(referrals, now)
    page = paginate(request, overdue if only_overdue else referrals, count=counts["overdue" if only_overdue else "all"])
    for referral in page.object_list:
        referral.overdue = selectors.is_overdue(referral, now)
    return render(
        request,
        "referrals/sent.html",
        {
            "notifications": recent_notifications(request.user),
            "page": page,
            "only_overdue": only_overdue,
            "overdue_count": counts["overdue"],
            "query": query_without_page(request),
        },
    )


@login_required
def inbox(request):
    organisations = organisations_for(request.user, RECEIVING_ROLES)
    organisation = receiving_organisation(request, organisations)
    tabs = {slug: box for slug, box, _label in INBOX_BOXES}
    tab = request.GET.get("bak")
    if tab not in tabs:
        tab = "nieuw"
    # The tab numbers include the open tab's: one COUNT for the page, not a second for the paginator.
    counts = selectors.inbox_counts(request.user, organisation)
    page = paginate(request, selectors.inbox_for(request.user, organisation, box=tabs[tab]), count=counts[tabs[tab]])
    now = timezone.now()
    for referral in page.object_list:
        referral.overdue = selectors.is_overdue(referral, now)
    return render(
        request,
        "referrals/inbox.html",
        {
            "notifications": recent_notifications(request.user),
            "organisation": organisation,
            "organisations": organisations,
            "box": tab,
            "boxes": [(slug, label, counts[box]) for slug, box, label in INBOX_BOXES],
            "page": page,
            "query": query_without_page(request),
        },
    )


@never_cache
@login_required
def referral_detail(request, pk):
    referral = referral_for(request.user, pk, shows="visible")
    # Read once, with their receivers: the forwards shown, and among them the one not yet answered
    # (Referral.pending_child, newest first as the model orders them, without two more queries).
    children = list(referral.children.select_related("to_organisation", "service"))
    pending_child = next((c for c in children if c.state == State.SENT and not c.in_addition), None)
    return render(
        request,
        "referrals/detail.html",
        {
            "referral": referral,
            "fields": referral.fields,
            "resident": referral.case.resident,
            "allowed": referral.allowed,
            "overdue": selectors.is_overdue(referral),
            "pending_child": pending_child,
            "children": children,
            "attempts": list(referral.contact_attempts.all()) if "first_contact" in referral.fields else [],
            "confirm_form": ConfirmForm(),
            "contacts": referral_contacts(referral),
        },
    )


@never_cache
@login_required
def referral_new(request, case_pk):
    """Choose a service, write the summary once, send: one step for the referrer."""
    case = case_for(request.user, case_pk)
    organisation = referring_organisation(request)
    if request.method == "POST":
        if done := once.already_done(request):
            return done
        form = ReferralForm(request.POST, exclude_organisation=organisation)
        if form.is_valid():
            data = form.cleaned_data
            try:
                referral = services.referral_create_and_send(
                    case=case,
                    actor=request.user,
                    organisation=organisation,
                    service=data["service"],
                    summary=data["summary"],
                    categories=list(data["categories"]),
                    urgency=data["urgency"],
                    shared_data=data["shared_data"],
                    legal_basis=data["legal_basis"],
                    legal_basis_justification=data["legal_basis_justification"],
                )
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(
                    request,
                    _("Verwijzing %(ref)s is verstuurd naar %(org)s.")
                    % {"ref": referral, "org": referral.to_organisation},
                )
                return once.done(request, reverse("sent"))
    else:
        service_pk = id_param(request.GET.get("dienst"))
        service = Service.objects.filter(pk=service_pk).first() if service_pk is not None else None
        form = ReferralForm(
            exclude_organisation=organisation,
            initial={
                "service": service,
                "categories": case.categories.all(),
            },
        )
    return render(request, "referrals/new.html", {"case": case, "form": form})


REFER_ON = ("forward", "refer_in_addition")


def _copies_summary(request, action: str) -> bool:
    """The forward form copies this referral's summary only when the user asks for it."""
    return action in REFER_ON and request.method == "GET" and request.GET.get("samenvatting") == "over"


def _action_view(request, pk, *, action: str, form_class, perform, template: str, form_kwargs=None, initial=None):
    """GET shows the form, POST runs the one service; refused input stays in the form."""
    if request.method == "POST" and (done := once.already_done(request)):
        return done
    # 404 when invisible, 403 with the reason when the action is not allowed now. A forward form
    # that copies the summary shows (and logs) that content; otherwise no content is shown.
    referral = referral_for(
        request.user, pk, action=action, shows={"summary"} if _copies_summary(request, action) else ()
    )
    form_kwargs = form_kwargs(referral) if callable(form_kwargs) else (form_kwargs or {})
    if request.method == "POST":
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                message, url = perform(referral, form.cleaned_data)
            except ActionRefused as refused:
                form.refuse(refused)
            else:
                messages.success(request, message)
                return once.done(request, url or reverse("referral_detail", args=[referral.pk]))
    else:
        form = form_class(initial=initial(referral) if callable(initial) else initial, **form_kwargs)
    context = {"referral": referral, "form": form, "action": action, "fields": referral.fields}
    if action in REFER_ON:
        # A forward refused for missing consent: the regisseur can extend it; say how to reach them.
        context["regisseur"] = regisseur_contact(referral.case)
        context["chooser"] = ServiceChoiceForm(request.GET or None, exclude_organisation=referral.to_organisation)
        context["service_chosen"] = request.method == "POST" or "service" in form.initial
        context["copies_summary"] = _copies_summary(request, action)
    if action == "close_unreachable":
        context["attempts"] = list(referral.contact_attempts.all())
    return render(request, template, context)


@never_cache
@login_required
def referral_accept(request, pk):
    def perform(referral, data):
        services.referral_accept(referral=referral, actor=request.user)
        return _("U heeft verwijzing %(ref)s aangenomen. Neem contact op met de inwoner.") % {"ref": referral}, None

    return _action_view(
        request, pk, action="accept", form_class=ConfirmForm, perform=perform, template="referrals/action_accept.html"
    )


@never_cache
@login_required
def referral_decline(request, pk):
    def perform(referral, data):
        services.referral_decline(referral=referral, actor=request.user, reason=data["reason"], note=data["note"])
        return _("U heeft verwijzing %(ref)s afgewezen; de verwijzer is op de hoogte.") % {"ref": referral}, reverse(
            "inbox"
        )

    return _action_view(
        request, pk, action="decline", form_class=DeclineForm, perform=perform, template="referrals/action_form.html"
    )


@never_cache
@login_required
def referral_assign(request, pk):
    def perform(referral, data):
        services.referral_assign(referral=referral, actor=request.user, assignee=data["assignee"])
        name = data["assignee"].get_full_name() or data["assignee"].username
        return _("Verwijzing %(ref)s is toegewezen aan %(name)s.") % {"ref": referral, "name": name}, None

    return _action_view(
        request,
        pk,
        action="assign",
        form_class=AssignForm,
        perform=perform,
        template="referrals/action_form.html",
        form_kwargs=lambda r: {"colleagues": colleagues(r.to_organisation)},
    )


@never_cache
@login_required
def referral_first_contact(request, pk):
    def perform(referral, data):
        services.referral_record_first_contact(
            referral=referral, actor=request.user, on=data["on"], way=data["way"], note=data["note"]
        )
        return _("Het eerste contact is vastgelegd."), None

    return _action_view(
        request,
        pk,
        action="record_first_contact",
        form_class=FirstContactForm,
        perform=perform,
        template="referrals/action_form.html",
    )


def _refer_on_view(request, pk, *, action: str, service_function, message: str):
    def perform(referral, data):
        child = service_function(
            referral=referral,
            actor=request.user,
            service=data["service"],
            summary=data["summary"],
            categories=list(data["categories"]),
            urgency=data["urgency"],
            shared_data=data["shared_data"],
            legal_basis=data["legal_basis"],
            legal_basis_justification=data["legal_basis_justification"],
        )
        return message % {"org": child.to_organisation}, None

    def initial(referral):
        service_pk = id_param(request.GET.get("dienst"))
        service = (
            Service.objects.filter(pk=service_pk).exclude(organisation=referral.to_organisation).first()
            if service_pk
            else None
        )
        return ForwardForm.minimum_initial(referral, service, with_summary=_copies_summary(request, action))

    return _action_view(
        request,
        pk,
        action=action,
        form_class=ForwardForm,
        perform=perform,
        template="referrals/action_refer_on.html",
        initial=initial,
        form_kwargs=lambda r: {"exclude_organisation": r.to_organisation},
    )


@never_cache
@login_required
def referral_forward(request, pk):
    return _refer_on_view(
        request,
        pk,
        action="forward",
        service_function=services.referral_forward,
        message=_("Doorverwezen naar %(org)s. U blijft verantwoordelijk tot zij de verwijzing aannemen."),
    )


@never_cache
@login_required
def referral_refer_in_addition(request, pk):
    return _refer_on_view(
        request,
        pk,
        action="refer_in_addition",
        service_function=services.referral_refer_in_addition,
        message=_("%(org)s is erbij gevraagd. U blijft de inwoner zelf ook helpen."),
    )


@never_cache
@login_required
def referral_record_attempt(request, pk):
    def perform(referral, data):
        services.referral_record_attempt(
            referral=referral, actor=request.user, on=data["on"], way=data["way"], note=data["note"]
        )
        return _("De contactpoging is vastgelegd."), None

    return _action_view(
        request,
        pk,
        action="record_attempt",
        form_class=ContactAttemptForm,
        perform=perform,
        template="referrals/action_form.html",
    )


@never_cache
@login_required
def referral_close_unreachable(request, pk):
    def perform(referral, data):
        services.referral_close_unreachable(referral=referral, actor=request.user)
        return _(
            "Verwijzing %(ref)s is afgesloten als niet bereikt; de verwijzer en de regisseur zijn op de hoogte."
        ) % {"ref": referral}, reverse("inbox")

    return _action_view(
        request,
        pk,
        action="close_unreachable",
        form_class=ConfirmForm,
        perform=perform,
        template="referrals/action_accept.html",
    )


@never_cache
@login_required
def referral_record_outcome(request, pk):
    def perform(referral, data):
        services.referral_record_outcome(
            referral=referral, actor=request.user, outcome=data["outcome"], note=data["note"]
        )
        return _("De uitkomst van uw deel is vastgelegd."), None

    return _action_view(
        request,
        pk,
        action="record_outcome",
        form_class=OwnOutcomeForm,
        perform=perform,
        template="referrals/action_form.html",
    )


@never_cache
@login_required
def referral_close(request, pk):
    def perform(referral, data):
        services.referral_close(referral=referral, actor=request.user, outcome=data["outcome"], note=data["note"])
        return _("Verwijzing %(ref)s is afgesloten.") % {"ref": referral}, reverse("inbox")

    return _action_view(
        request, pk, action="close", form_class=CloseForm, perform=perform, template="referrals/action_form.html"
    )


@never_cache
@login_required
def referral_withdraw(request, pk):
    def perform(referral, data):
        services.referral_withdraw(referral=referral, actor=request.user)
        return _("Verwijzing %(ref)s is ingetrokken.") % {"ref": referral}, reverse("sent")

    return _action_view(
        request, pk, action="withdraw", form_class=ConfirmForm, perform=perform, template="referrals/action_accept.html"
    )


@never_cache
@login_required
def referral_send(request, pk):
    def perform(referral, data):
        services.referral_send(referral=referral, actor=request.user)
        return _("Verwijzing %(ref)s is verstuurd.") % {"ref": referral}, reverse("sent")

    return _action_view(
        request, pk, action="send", form_class=ConfirmForm, perform=perform, template="referrals/action_accept.html"
    )
