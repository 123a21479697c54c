"""The partner directory (wegwijzer) that replaces the paper routekaart, and its upkeep."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from directory.forms import DirectorySearchForm, ServiceForm
from directory.models import Service
from directory.selectors.directory import directory_search, services_of
from directory.services.directory import service_create, service_update
from policies.permissions import may_edit_services
from policies.roles import REFERRING_ROLES, Role
from referrals.services import ActionRefused
from referrals.views.access import acting_organisation, organisations_for
from referrals.views.common import paginate, query_without_page


@login_required
def directory(request):
    form = DirectorySearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    services = directory_search(
        q=filters.get("q", ""), category=filters.get("category"), wijk=filters.get("wijk"),
        language=filters.get("language", ""), walk_in=filters.get("walk_in", False),
    )
    page = paginate(request, services)
    return render(request, "directory/list.html", {
        "form": form, "page": page, "query": query_without_page(request),
        "may_refer": bool(organisations_for(request.user, REFERRING_ROLES)),
    })


@login_required
def our_services(request):
    organisation = acting_organisation(request, {Role.COORDINATOR})
    return render(request, "directory/ours.html", {
        "organisation": organisation, "services": services_of(organisation),
    })


@login_required
def service_edit(request, pk):
    service = get_object_or_404(Service.objects.select_related("organisation"), pk=pk)
    if not may_edit_services(request.user, service.organisation):
        raise PermissionDenied
    initial = {name: getattr(service, name) for name in ServiceForm.FIELDS}
    initial.update(categories=service.categories.all(), wijken=service.wijken.all())
    form = ServiceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            service_update(service=service, actor=request.user, categories=data.pop("categories"),
                           wijken=data.pop("wijken"), **data)
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
            service_create(organisation=organisation, actor=request.user, categories=data.pop("categories"),
                           wijken=data.pop("wijken"), **data)
        except ActionRefused as refused:
            form.refuse(refused)
        else:
            messages.success(request, _("De dienst ‘%(name)s’ staat nu in de wegwijzer.") % {"name": data["name"]})
            return redirect("our_services")
    return render(request, "directory/edit.html", {"form": form, "service": None, "organisation": organisation})
