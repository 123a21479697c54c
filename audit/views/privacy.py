# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's pages: audit search, a resident's access report, flags, register, export.

Only a privacy officer gets these pages; everyone else gets 404, as if they
did not exist. The pages show metadata, never case content, and every search
or report is itself written to the audit trail (activity "audit_review"). The searches, reports
and exports read from the read replica when one is configured (config.replica); their audit
entries are written on the primary.
"""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from audit.forms import ACTION_LABELS, AuditSearchForm
from audit.models import AuditReason, PrivacyFlag
from audit.selectors import ldv_read, register_api
from audit.selectors.access import privacy_officer_organisation
from audit.selectors.export import lines
from audit.selectors.search import AuditQuery, access_report, changed_fields, entries
from audit.services import flags
from audit.services.trail import log_access
from config.replica import replica_reads
from policies.register import ACTIVITIES, CONTROLLER, TRANSFERS, controller_contact, dpo, security_measures
from policies.roles import Role
from referrals.models import Resident
from referrals.views.common import paginate, query_without_page

PAGE_SIZE = 50


def _log_review(
    request, organisation, *, what: str, query: AuditQuery | ldv_read.ReadQuery | None = None, obj=None
) -> None:
    log_access(
        actor=request.user,
        obj=obj or request.user,
        activity="audit_review",
        reason=what,
        organisation=organisation,
        role=Role.PRIVACY_OFFICER,
        filters=query.as_params() if query else None,
    )


def _rows(page) -> list[dict]:
    return [
        {
            "entry": entry,
            "action": ACTION_LABELS.get(entry.action, entry.action),
            "activity": ACTIVITIES[entry.processing_activity].label
            if entry.processing_activity in ACTIVITIES
            else entry.processing_activity,
            "fields": changed_fields(entry),
        }
        for entry in page
    ]


@login_required
@require_GET
@replica_reads
def audit_search(request):
    organisation = privacy_officer_organisation(request.user)
    form = AuditSearchForm(request.GET or None)
    context = {"form": form, "searched": False}
    if form.is_bound and form.is_valid():
        query = form.query()
        page = paginate(request, entries(query), per_page=PAGE_SIZE)
        _log_review(request, organisation, what=AuditReason.AUDIT_SEARCHED, query=query)
        context.update(searched=True, page=page, rows=_rows(page), query=query_without_page(request))
    return render(request, "privacy/search.html", context)


@login_required
@require_GET
def resident_lookup(request):
    privacy_officer_organisation(request.user)
    pseudonym = request.GET.get("pseudoniem", "").strip()
    if not pseudonym:
        return redirect("privacy:search")
    form = AuditSearchForm({"pseudoniem": pseudonym})
    if not form.is_valid():
        # Not a pseudonym ("/", a NUL byte, a name): say so on the search form, no report URL.
        return render(request, "privacy/search.html", {"form": form, "searched": False}, status=400)
    return redirect("privacy:resident", pseudonym=form.query().pseudonym)


@login_required
@require_GET
@replica_reads
def resident_report(request, pseudonym: str):
    organisation = privacy_officer_organisation(request.user)
    report = access_report(pseudonym)
    resident = Resident.objects.filter(pseudonym=report["pseudonym"]).first()
    page = paginate(request, report["entries"], per_page=PAGE_SIZE)
    # Logged against the resident, so their own access report shows this look too.
    _log_review(
        request,
        organisation,
        what=AuditReason.RESIDENT_REPORT,
        query=AuditQuery(pseudonym=report["pseudonym"]),
        obj=resident,
    )
    return render(
        request,
        "privacy/resident.html",
        {
            "pseudonym": report["pseudonym"],
            "by_who": report["by_who"],
            "known": resident is not None,
            "erased": bool(resident and resident.erased_at),
            "page": page,
            "rows": _rows(page),
        },
    )


@login_required
@require_GET
def flag_list(request):
    organisation = privacy_officer_organisation(request.user)
    show = request.GET.get("toon", "open")
    flags = PrivacyFlag.objects.select_related("actor", "organisation", "reviewed_by").order_by(
        "reviewed_at", "-created_at", "-pk"
    )
    if show != "alle":
        flags = flags.filter(reviewed_at__isnull=True)
    page = paginate(request, flags, per_page=PAGE_SIZE)
    _log_review(request, organisation, what=AuditReason.FLAGS_VIEWED)
    return render(request, "privacy/flags.html", {"page": page, "show": show, "query": query_without_page(request)})


@login_required
@require_POST
def flag_review(request, pk: int):
    organisation = privacy_officer_organisation(request.user)
    if not flags.flag_review(pk=pk, actor=request.user, organisation=organisation):
        raise Http404
    return redirect("privacy:flags")


@login_required
@require_GET
def processing_register(request):
    organisation = privacy_officer_organisation(request.user)
    _log_review(request, organisation, what=AuditReason.REGISTER_VIEWED)
    return render(
        request,
        "privacy/register.html",
        {
            "activities": ACTIVITIES.values(),
            "controller": CONTROLLER,
            "controller_contact": controller_contact(),
            "dpo": dpo(),
            "transfers": TRANSFERS,
            "measures": security_measures(),
        },
    )


def _officer_or_404(request: HttpRequest):
    """The machine-readable pages answer 404 to anyone else, not a redirect to the login page."""
    if not request.user.is_authenticated:
        raise Http404
    return privacy_officer_organisation(request.user)


@require_GET
def register_json(request):
    """The register in the shape of VNG's register API (list of Verwerkingsactiviteit)."""
    organisation = _officer_or_404(request)
    _log_review(request, organisation, what=AuditReason.REGISTER_VIEWED)
    return JsonResponse(register_api.register_list(), json_dumps_params={"ensure_ascii": False})


@require_GET
def register_activity_json(request, activity_id: str):
    organisation = _officer_or_404(request)
    activity = register_api.by_uuid(activity_id)
    if activity is None:
        raise Http404
    _log_review(request, organisation, what=AuditReason.REGISTER_VIEWED)
    return JsonResponse(register_api.verwerkingsactiviteit(activity), json_dumps_params={"ensure_ascii": False})


LDV_READ_API_VERSION = "1.1.0"


# The privacy officer's tools post JSON with their session. No CSRF token: a cross-site page
# cannot send `Content-Type: application/json` without a CORS preflight (which we never grant),
# the session cookie is SameSite=Lax (not sent on a cross-site POST), and reading changes nothing.
@csrf_exempt
@require_POST
@replica_reads
def ldv_processing_activities(request):
    """`POST /privacy/ldv/v1/processing-activities` of the *extensie lezen* API; audited like a search."""
    organisation = _officer_or_404(request)
    if request.content_type != "application/json":
        return _problem(415, "Unsupported Media Type", "Stuur de zoekvraag als application/json.")
    try:
        query = ldv_read.parse(json.loads(request.body or b"null"))
    except (ValueError, ldv_read.BadQuery) as exc:
        detail = f"Ongeldige zoekvraag: {exc}" if isinstance(exc, ldv_read.BadQuery) else "Geen geldige JSON."
        return _problem(400, "Bad Request", detail)
    _log_review(request, organisation, what=AuditReason.LDV_READ, query=query)
    response = JsonResponse(ldv_read.processing_activities(query), json_dumps_params={"ensure_ascii": False})
    response["API-Version"] = LDV_READ_API_VERSION
    return response


def _problem(status: int, title: str, detail: str) -> JsonResponse:
    """RFC 9457 problem details, as the API's error responses are specified."""
    response = JsonResponse(
        {"type": "about:blank", "title": title, "status": status, "detail": detail},
        status=status,
        content_type="application/problem+json",
    )
    response["API-Version"] = LDV_READ_API_VERSION
    return response


@login_required
@require_GET
@replica_reads
def audit_export(request, fmt: str):
    organisation = privacy_officer_organisation(request.user)
    form = AuditSearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "privacy/search.html", {"form": form, "searched": False}, status=400)
    query = form.query() if form.is_bound else AuditQuery()
    _log_review(request, organisation, what=AuditReason.AUDIT_EXPORTED.format(fmt=fmt), query=query)
    content_type = {"jsonl": "application/jsonl; charset=utf-8", "csv": "text/csv; charset=utf-8"}[fmt]
    response = StreamingHttpResponse(
        lines(entries(query).order_by("id").iterator(chunk_size=2000), fmt), content_type=content_type
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="logboek-{stamp}.{fmt}"'
    return response
