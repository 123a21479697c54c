# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The printable consent receipt a resident takes home, in the language they were informed in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache

from policies import consent_text as texts
from policies.data_categories import DataCategory
from referrals.models import Consent
from referrals.selectors.access import consent_for_receipt


@never_cache
@login_required
def consent_receipt(request, pk: int):
    # Only who works on one of the resident's cases may print it; everyone else 404.
    consent = consent_for_receipt(request.user, pk)
    language = texts.text_language(request.GET.get("taal") or consent.informed_language)
    words = texts.receipt_words(language)
    return render(
        request,
        "consent/receipt.html",
        {
            "consent": consent,
            "text": texts.consent_text(language),
            "words": words,
            "language": language,
            "direction": texts.direction(language),
            # Month names in Dutch or English; Arabic and Tigrinya receipts print dates as numbers.
            "date_language": "en" if language == "en" else "nl",
            "date_format": "j F Y" if language in ("nl", "en") else "d-m-Y",
            "review": texts.review(language),
            "review_note": texts.review_note(language),
            "categories": _in(language, words, "categories", [DataCategory(c) for c in consent.data_categories]),
            "given_how": _in(language, words, "given_how", [Consent.GivenHow(consent.given_how)])[0],
            "recipients": list(consent.recipients.all()),
            # The other languages the professional can print it in (the resident may prefer one).
            "other_languages": [(code, name) for code, name in texts.LANGUAGES.items() if code != language],
        },
    )


def _in(language: str, words: dict, kind: str, choices: list) -> list[str]:
    """Labels of the site's choices in the receipt's language: its own words where the receipt
    has them (Arabic, Tigrinya), else the site's translation (Dutch, English)."""
    own = words.get(kind, {})
    with translation.override(language if language in ("nl", "en") else "nl"):
        return [own.get(choice.value) or str(choice.label) for choice in choices]
