# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The partner directory (wegwijzer) that replaces the paper routekaart, and its upkeep."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.selectors.memberships import organisations_for
from accounts.views.acting import acting_organisation
from directory.forms import DirectorySearchForm, ServiceForm
from directory.selectors.directory import directory_search, service_to_edit, services_of
from directory.services.directory import service_create, service_update
from policies.roles import REFERRING_ROLES, Role
from referrals.services import ActionRefused
from referrals.views.common import paginate, query_without_page


@login_required
def directory(request):
    form = DirectorySearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    services = directory_search(
        q=filters.get("zoek", ""),
        category=filters.get("categorie"),
        wijk=filters.get("wijk"),
        language=filters.get("taal", ""),
        walk_in=filters.get("inloop", False),
    )
    page = paginate(request, services)
    return render(
        request,
        "directory/list.html",
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "may_refer": bool(organisations_for(request.user, REFERRING_ROLES)),
        },
    )


@login_required
def our_services(request):
    organisation = acting_organisation(request, {Role.COORDINATOR})
    return render(
        request,
        "directory/ours.html",
        {
            "organisation": organisation,
            "services": services_of(organisation),
        },
    )


@login_required
def service_edit(request, pk):
    service = service_to_edit(request.user, pk)
    with translation.override("nl"):  # the walk-in hours are typed and read back in Dutch
        initial = {name: getattr(service, name) for name in ServiceForm.FIELDS}
    initial.update(categories=service.categories.all(), wijken=service.wijken.all())
    form = ServiceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            service_update(
                service=service,
                actor=request.user,
                categories=data.pop("categories"),
                wijken=data.pop("wijken"),
                **data,
            )
        except ActionRefused as refused:
            form.refuse(refused)
        else:
            messages.success(request, _("De dienst ‘%(name)s’ is bijgewerkt.") % {"name": data["name"]})
            return redirect("our_services")
    return render(request, "directory/edit.html", {"form": form, "service": service})


@login_required
def service_new(request):
    organisation = acting_organisation(request, {Role.COORDINATOR})
    form = ServiceForm(request.POST or None, initial={"response_days": 5, "accepts_referrals": True})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            service_create(
                organisation=organisation,
                actor=request.user,
                categories=data.pop("categories"),
                wijken=data.pop("wijken"),
                **data,
            )
        except ActionRefused as refused:
            form.refuse(refused)
        else:
            messages.success(request, _("De dienst ‘%(name)s’ staat nu in de wegwijzer.") % {"name": data["name"]})
            return redirect("our_services")
    return render(request, "directory/edit.html", {"form": form, "service": None, "organisation": organisation})
