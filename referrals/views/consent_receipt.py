# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The printable consent receipt a resident takes home."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from policies.consent_text import consent_text
from policies.data_categories import DataCategory
from referrals.selectors.access import consent_for_receipt


@never_cache
@login_required
def consent_receipt(request, pk: int):
    # Only who works on one of the resident's cases may print it; everyone else 404.
    consent = consent_for_receipt(request.user, pk)
    language = request.GET.get("taal") or consent.informed_language
    return render(
        request,
        "consent/receipt.html",
        {
            "consent": consent,
            "text": consent_text(language),
            "language": language if language in ("nl", "en") else "nl",
            "categories": [DataCategory(c).label for c in consent.data_categories],
            "recipients": list(consent.recipients.all()),
        },
    )
