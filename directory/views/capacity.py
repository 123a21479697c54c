# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A coordinator marks a service as wachtlijst or vol, so referrers know before they send."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from directory.forms import CapacityForm
from directory.selectors.directory import service_to_edit
from directory.services.capacity import service_set_capacity
from referrals.services import ActionRefused


@login_required
def service_capacity(request, pk):
    service = service_to_edit(request.user, pk)
    initial = {"capacity": service.capacity_on(), "waiting_weeks": service.waiting_weeks}
    initial["full_until"] = service.full_until
    form = CapacityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            service_set_capacity(service=service, actor=request.user, **form.cleaned_data)
        except ActionRefused as refused:
            form.refuse(refused)
        else:
            messages.success(request, _("De capaciteit van ‘%(name)s’ is bijgewerkt.") % {"name": service.name})
            return redirect("our_services")
    return render(request, "directory/capacity.html", {"form": form, "service": service})
