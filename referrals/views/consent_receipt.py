"""The printable consent receipt a resident takes home."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from audit.services.trail import log_access
from policies.consent_text import consent_text
from policies.data_categories import DataCategory
from policies.memberships import roles_in
from policies.visibility import visible_cases
from referrals.models import Consent


@login_required
def consent_receipt(request, pk: int):
    # Only who works on one of the resident's cases may print it; everyone else 404.
    consent = (
        Consent.objects.filter(pk=pk, resident__cases__in=visible_cases(request.user))
        .select_related("resident", "recorded_by", "recorded_by_organisation", "replaces")
        .prefetch_related("recipients")
        .distinct()
        .first()
    )
    if consent is None:
        raise Http404
    organisation = consent.recorded_by_organisation
    log_access(actor=request.user, obj=consent, activity="consent", reason="toestemmingsbewijs afdrukken",
               organisation=organisation, role=",".join(sorted(roles_in(request.user, organisation.pk))),
               fields=["resident_name"])
    language = request.GET.get("taal") or consent.informed_language
    return render(request, "consent/receipt.html", {
        "consent": consent,
        "text": consent_text(language),
        "language": language if language in ("nl", "en") else "nl",
        "categories": [DataCategory(c).label for c in consent.data_categories],
        "recipients": list(consent.recipients.all()),
    })
