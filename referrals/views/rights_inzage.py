# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Inzage (AVG art. 15): one printable document and a JSON export of everything held about a resident."""

import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from policies import subject_rights as rights
from referrals.selectors.access import resident_for
from referrals.services.subject_rights import inzage_report


@never_cache
@login_required
@require_GET
def rights_overview(request, pseudonym: str):
    resident = resident_for(request.user, pseudonym)
    may = resident.rights
    # Counts only: the privacy officer, who may reach this page to erase, never sees content.
    return render(
        request,
        "rights/overview.html",
        {
            "resident": resident,
            "may": may,
            "cases": resident.cases.count(),
        },
    )


@never_cache
@login_required
@require_GET
def rights_inzage(request, pseudonym: str):
    resident = resident_for(request.user, pseudonym, rights.ACCESS)
    report = inzage_report(resident=resident, actor=request.user, fmt="html")
    return render(request, "rights/inzage.html", {"report": report, "resident": resident})


@never_cache
@login_required
@require_GET
def rights_inzage_json(request, pseudonym: str):
    resident = resident_for(request.user, pseudonym, rights.ACCESS)
    report = inzage_report(resident=resident, actor=request.user, fmt="json")
    body = json.dumps(report, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inzage-{resident.pseudonym}.json"'
    return response
