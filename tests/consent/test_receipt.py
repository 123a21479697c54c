# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident's printable consent receipt, and the text they are informed with."""

import re

import pytest

from audit.models import AuditEntry
from policies.consent_text import CONSENT_TEXT, consent_text
from referrals.models import Consent


def test_the_receipt_lists_exactly_what_is_shared_with_whom_until_when_and_how_to_withdraw(client, world, case):
    consent = Consent.objects.get(resident=case.resident)
    client.force_login(world.people.fatima)
    page = client.get(f"/toestemming/{consent.pk}/bewijs/").content.decode()
    for expected in [
        "Hulp bij schulden",
        "Kredietbank",
        "Taalhuis",
        "Contactgegevens",
        "Samenvatting van de hulpvraag",
        "Soorten hulpvraag",
        consent.valid_until.strftime("%Y"),
        "intrekken",
        "Sanne Jansen",
    ]:
        assert expected in page, expected
    assert "Financiële situatie" not in page  # not consented, so not listed
    assert "Woej" not in page


def test_the_receipt_is_printed_in_the_language_the_resident_was_informed_in(client, world, case):
    consent = Consent.objects.get(resident=case.resident)
    client.force_login(world.people.fatima)
    page = client.get(f"/toestemming/{consent.pk}/bewijs/?taal=en").content.decode()
    assert "Permission to share your information" in page and "take back your permission" in page


def test_printing_the_receipt_is_logged_as_an_access(client, world, case):
    consent = Consent.objects.get(resident=case.resident)
    client.force_login(world.people.fatima)
    client.get(f"/toestemming/{consent.pk}/bewijs/")
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS).latest("pk")
    assert (entry.actor, entry.pseudonym, entry.processing_activity) == (
        world.people.fatima,
        case.resident.pseudonym,
        "consent",
    )
    assert entry.organisation == world.orgs.waterlelie and entry.role == "referrer"


@pytest.mark.parametrize("persona", ["kees", "bas", "priya", "bea"])
def test_nobody_outside_the_case_can_see_the_receipt(client, world, case, persona):
    consent = Consent.objects.get(resident=case.resident)
    client.force_login(getattr(world.people, persona))
    assert client.get(f"/toestemming/{consent.pk}/bewijs/").status_code == 404


def test_the_consent_text_exists_in_plain_dutch_english_arabic_and_tigrinya_with_the_same_parts():
    assert set(CONSENT_TEXT) == {"nl", "en", "ar", "ti"}
    for language in ("en", "ar", "ti"):
        assert CONSENT_TEXT[language].keys() == CONSENT_TEXT["nl"].keys(), language
        for part, dutch in CONSENT_TEXT["nl"].items():  # sentence by sentence: as many paragraphs
            translated = CONSENT_TEXT[language][part]
            assert isinstance(translated, list) == isinstance(dutch, list), (language, part)
            assert len(translated if isinstance(translated, list) else [translated]) == len(
                dutch if isinstance(dutch, list) else [dutch]
            ), (language, part)
    assert consent_text("tr") == CONSENT_TEXT["nl"]  # no Turkish text yet: Dutch, read aloud with an interpreter
    # B1: short sentences. No sentence in the resident text is longer than 25 words.
    for language in CONSENT_TEXT.values():
        for part in language.values():
            for paragraph in part if isinstance(part, list) else [part]:
                for sentence in re.split(r"[.?؟።]\s*", paragraph):
                    assert len(sentence.split()) <= 25, sentence
