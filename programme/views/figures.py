# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The programme's figures (Cijfers): a period, filters, tables with charts, CSV and a page for the board.

Only a programme manager gets these pages (everyone else 404). They show counts, never a name,
pseudonym or case reference; every figure below five is suppressed (programme.selectors.figures).
The figures and their exports read from the read replica when one is configured (config.replica).
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from config.replica import replica_reads
from directory.models import ServiceTarget
from directory.services.targets import service_target_set
from programme.forms import FiguresForm, TargetForm
from programme.selectors.access import programme_manager
from programme.selectors.figures import Figures, figures
from referrals.selectors.reports import SUPPRESSED
from referrals.services import ActionRefused

# How a suppressed figure reads, on the page and in the CSV: not "< 5", because a figure
# suppressed to protect another may be larger.
HIDDEN = "x"


def _figures_for(request) -> tuple[FiguresForm, Figures]:
    form = FiguresForm(request.GET or None)
    form.is_valid()
    return form, figures(form.period(), form.filters())


def _query(request) -> str:
    return request.GET.urlencode()


@login_required
@require_GET
@replica_reads
def figures_page(request):
    programme_manager(request.user)
    form, result = _figures_for(request)
    return render(
        request,
        "programme/figures.html",
        {"form": form, "figures": result, "query": _query(request), "hidden": HIDDEN},
    )


@login_required
@require_GET
@replica_reads
def figures_print(request):
    programme_manager(request.user)
    form, result = _figures_for(request)
    return render(
        request,
        "programme/figures_print.html",
        {"form": form, "figures": result, "query": _query(request), "hidden": HIDDEN},
    )


def _cell(value) -> str:
    return HIDDEN if value is SUPPRESSED else str(value)


@login_required
@require_GET
@replica_reads
def figures_csv(request):
    programme_manager(request.user)
    form, result = _figures_for(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    period = result.period
    response["Content-Disposition"] = (
        f'attachment; filename="cijfers-{period.start:%Y%m%d}-{period.last_day:%Y%m%d}.csv"'
    )
    # A BOM, so spreadsheet programs read the accents; semicolons, as Dutch spreadsheets expect.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Cijfers Sterk voor Noord"), period.label])
    writer.writerow([_("x = afgeschermd (kleine aantallen)")])
    if result.as_of:
        writer.writerow([_("Stand van"), timezone.localtime(result.as_of).strftime("%Y-%m-%d %H:%M")])
    writer.writerow([])
    writer.writerow([_("Overzicht"), _("Aantal")])
    for label, value in result.headline:
        writer.writerow([label, _cell(value)])
    writer.writerow([])
    writer.writerow([_("Doorlooptijd (dagen)"), _("Mediaan"), _("90e percentiel")])
    for label, median, p90 in result.timing:
        writer.writerow([label, _cell(median), _cell(p90)])
    for table in result.tables.values():
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow([table.row_header, *table.columns])
        for label, cells in table.rows:
            writer.writerow([label, *(_cell(c) for c in cells)])
    return response


@login_required
def targets(request):
    programme_manager(request.user)
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service_target_set(actor=request.user, **form.cleaned_data)
        except ActionRefused as refused:
            form.refuse(refused)
        else:
            messages.success(request, _("Het doel is vastgelegd."))
            return redirect("programme:targets")
    rows = ServiceTarget.objects.select_related("service__organisation").order_by("-starts_on", "service__name")
    return render(request, "programme/targets.html", {"form": form, "targets": rows})
