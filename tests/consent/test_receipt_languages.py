# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The receipt in the language the resident was informed in (Dutch, English, Arabic, Tigrinya),
with the translation's review status on paper; the case page links to it; the receiving partner
sees that an interpreter is needed."""

import re

import pytest

from policies.consent_text import CONSENT_TEXT, LANGUAGES, RECEIPT_WORDS, REVIEW, review_note
from referrals import services
from referrals.models import Consent
from tests.factories import give_consent, open_case


@pytest.fixture
def arabic_case(world):
    """A resident who reads Arabic and needs an interpreter, informed in Arabic."""
    p, o = world.people, world.orgs
    case = open_case(
        actor=p.fatima,
        organisation=o.waterlelie,
        categories=[world.categories.schulden],
        preferred_language="ar",
        needs_interpreter=True,
    )
    give_consent(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        recipients=[o.kredietbank],
        informed_language="ar",
        data_categories=("contact", "summary", "needs", "finances"),
    )
    return case


def _receipt(client, user, consent, query=""):
    client.force_login(user)
    return client.get(f"/toestemming/{consent.pk}/bewijs/{query}").content.decode()


def test_every_translation_has_a_review_status_and_arabic_and_tigrinya_are_drafts():
    assert set(REVIEW) == set(CONSENT_TEXT) == set(RECEIPT_WORDS) == set(LANGUAGES)
    assert REVIEW["nl"]["status"] == "source"
    for language in ("en", "ar", "ti"):
        assert REVIEW[language]["status"] in {"draft", "checked"}
        if REVIEW[language]["status"] == "checked":  # a check names who and when
            assert REVIEW[language]["checked_by"] and REVIEW[language]["checked_on"]
    for language in ("ar", "ti"):
        assert REVIEW[language] == {"status": "draft", "checked_by": None, "checked_on": None}
        assert review_note(language)  # and the receipt says so
    assert RECEIPT_WORDS["nl"].keys() <= RECEIPT_WORDS["ar"].keys() == RECEIPT_WORDS["ti"].keys()


def test_the_texts_are_written_in_their_own_script():
    arabic, ethiopic = re.compile("[\u0600-\u06ff]"), re.compile("[\u1200-\u137f]")
    for part in CONSENT_TEXT["ar"].values():
        for paragraph in part if isinstance(part, list) else [part]:
            assert arabic.search(paragraph) and not ethiopic.search(paragraph), paragraph
    for part in CONSENT_TEXT["ti"].values():
        for paragraph in part if isinstance(part, list) else [part]:
            assert ethiopic.search(paragraph) and not arabic.search(paragraph), paragraph


def test_a_resident_informed_in_arabic_gets_the_receipt_in_arabic_right_to_left(client, world, arabic_case):
    consent = Consent.objects.get(resident=arabic_case.resident)
    page = _receipt(client, world.people.fatima, consent)
    assert re.search(r'<article class="consent-receipt" lang="ar" dir="rtl" data-review-status="draft"', page)
    assert CONSENT_TEXT["ar"]["title"] in page and CONSENT_TEXT["ar"]["questions"] in page
    # The kinds of data and how consent was given, in Arabic too; the status of the translation on paper.
    assert "الوضع المالي" in page and "شفهيًا" in page
    assert RECEIPT_WORDS["ar"]["review_draft"] in page
    assert "nog niet gecontroleerd door een beëdigd vertaler" in page  # for the professional, in Dutch
    assert "Financiële situatie" not in page and "Waar u toestemming voor gaf" not in page


def test_the_receipt_in_tigrinya(client, world, case):
    consent = Consent.objects.get(resident=case.resident)
    page = _receipt(client, world.people.fatima, consent, "?taal=ti")
    assert 'lang="ti" dir="ltr"' in page
    assert CONSENT_TEXT["ti"]["title"] in page and RECEIPT_WORDS["ti"]["review_draft"] in page
    assert "ናይ ርክብ ሓበሬታ" in page  # contact details


def test_the_dutch_receipt_shows_no_translation_note(client, world, case):
    consent = Consent.objects.get(resident=case.resident)
    page = _receipt(client, world.people.fatima, consent)
    assert 'lang="nl" dir="ltr" data-review-status="source"' in page
    assert "consent-receipt__review" not in page and "beëdigd vertaler" not in page


def test_a_language_without_a_text_prints_the_dutch_receipt(client, world, case):
    consent = Consent.objects.get(resident=case.resident)
    page = _receipt(client, world.people.fatima, consent, "?taal=tr")
    assert 'lang="nl"' in page and CONSENT_TEXT["nl"]["title"] in page


def test_the_regisseur_finds_the_receipt_in_the_residents_language_on_the_case_page(client, world, arabic_case):
    consent = Consent.objects.get(resident=arabic_case.resident)
    client.force_login(world.people.fatima)  # she opened the case: its regisseur
    assert arabic_case.regisseur == world.people.fatima
    page = client.get(f"/casussen/{arabic_case.pk}/").content.decode()
    assert f'href="/toestemming/{consent.pk}/bewijs/">bewijs voor de inwoner (Arabisch)</a>' in page
    assert "Arabisch · tolk nodig" in page


def test_the_receiving_partner_sees_that_an_interpreter_is_needed_once_it_accepted(client, world, arabic_case):
    draft = services.referral_create(
        case=arabic_case,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp,
        summary="Brieven van de belasting; leest geen Nederlands.",
        categories=[world.categories.schulden],
        shared_data=["contact", "summary", "needs"],
    )
    referral = services.referral_send(referral=draft, actor=world.people.fatima)
    client.force_login(world.people.kees)
    before = client.get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert "Tolk nodig" not in before  # content: only once the partner has accepted
    services.referral_accept(referral=referral, actor=world.people.kees)
    after = client.get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert "<strong>Tolk nodig</strong> — Arabisch." in after
