# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Withdrawing and changing a consent from the case page: shown first, then done, once."""

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import PrivacyFlag
from referrals.models import Consent, State


def _consent(case):
    return Consent.objects.get(resident=case.resident)


def _change_post(world, token, **overrides):
    data = {
        "form_token": token,
        "purpose": "Hulp bij schulden en taal",
        "recipients": [world.orgs.kredietbank.pk, world.orgs.taalhuis.pk],
        "data_categories": ["contact", "summary", "needs"],
        "given_how": "spoken",
        "informed_language": "nl",
        "valid_until": (timezone.localdate() + timezone.timedelta(days=180)).isoformat(),
    }
    data.update(overrides)
    return data


def test_the_case_page_offers_change_and_withdraw_to_who_may_record_consent(world, case, login):
    consent = _consent(case)
    page = login(world.people.fatima).get(reverse("case_detail", args=[case.pk])).content.decode()
    assert reverse("consent_change", args=[case.pk, consent.pk]) in page
    assert reverse("consent_withdraw", args=[case.pk, consent.pk]) in page


def test_the_withdraw_page_shows_what_stops_and_who_loses_access_before_anything_happens(world, case, accepted, login):
    consent = _consent(case)
    page = login(world.people.fatima).get(reverse("consent_withdraw", args=[case.pk, consent.pk])).content.decode()
    assert "De verwijzing naar Kredietbank" in page and "stopt" in page
    assert "zien de gegevens van de inwoner direct niet meer" in page
    consent.refresh_from_db()
    accepted.refresh_from_db()
    assert consent.withdrawn_at is None and accepted.state == State.ACCEPTED


def test_withdrawing_in_the_ui_stops_the_referral_and_the_receiver_gets_404_at_once(world, case, accepted, login):
    consent = _consent(case)
    kees = login(world.people.kees)
    assert kees.get(reverse("referral_detail", args=[accepted.pk])).status_code == 200
    fatima = login(world.people.fatima)
    url = reverse("consent_withdraw", args=[case.pk, consent.pk])
    response = fatima.post(url, {"form_token": "w-1", "reason": "De inwoner wil niet meer delen."})
    assert response.status_code == 302 and response["Location"] == reverse("case_detail", args=[case.pk])
    consent.refresh_from_db()
    accepted.refresh_from_db()
    assert consent.withdrawn_at is not None and consent.withdrawn_reason == "De inwoner wil niet meer delen."
    assert accepted.state == State.STOPPED
    assert login(world.people.kees).get(reverse("referral_detail", args=[accepted.pk])).status_code == 404
    page = login(world.people.fatima).get(reverse("case_detail", args=[case.pk])).content.decode()
    assert "ingetrokken" in page and url not in page  # history, no second withdrawal offered


def test_a_withdrawal_without_a_reason_is_refused_and_changes_nothing(world, case, accepted, login):
    consent = _consent(case)
    response = login(world.people.fatima).post(
        reverse("consent_withdraw", args=[case.pk, consent.pk]), {"form_token": "w-2", "reason": ""}
    )
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_a_double_submitted_withdrawal_is_done_once(world, case, accepted, login):
    consent = _consent(case)
    client = login(world.people.fatima)
    url = reverse("consent_withdraw", args=[case.pk, consent.pk])
    first = client.post(url, {"form_token": "w-3", "reason": "Wil niet meer."})
    second = client.post(url, {"form_token": "w-3", "reason": "Wil niet meer."})
    assert first["Location"] == second["Location"]
    # The second post is sent to the first one's result: no "al ingetrokken" error, one flag.
    assert PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.CONSENT_WITHDRAWN).count() == 1
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_the_change_form_starts_from_the_consent_it_replaces(world, case, login):
    consent = _consent(case)
    response = login(world.people.fatima).get(reverse("consent_change", args=[case.pk, consent.pk]))
    form = response.context["form"]
    assert form.initial["purpose"] == "Hulp bij schulden"
    assert set(form.initial["recipients"]) == {world.orgs.kredietbank.pk, world.orgs.taalhuis.pk}
    assert form.initial["data_categories"] == consent.data_categories
    assert form.initial["valid_until"] == consent.valid_until
    assert "Hulp bij schulden" in response.content.decode()


def test_a_change_that_keeps_everything_replaces_the_old_record_and_the_referral_follows(world, case, accepted, login):
    old = _consent(case)
    response = login(world.people.fatima).post(
        reverse("consent_change", args=[case.pk, old.pk]), _change_post(world, "c-1")
    )
    assert response.status_code == 302
    new = Consent.objects.get(replaces=old)
    accepted.refresh_from_db()
    assert accepted.consent_id == new.pk and accepted.state == State.ACCEPTED
    page = login(world.people.fatima).get(reverse("case_detail", args=[case.pk])).content.decode()
    assert "vervangen door een nieuwere versie" in page
    assert reverse("consent_change", args=[case.pk, old.pk]) not in page
    assert reverse("consent_change", args=[case.pk, new.pk]) in page


def test_leaving_a_recipient_out_is_shown_as_a_removal_and_needs_a_confirmation(world, case, accepted, login):
    old = _consent(case)
    client = login(world.people.fatima)
    url = reverse("consent_change", args=[case.pk, old.pk])
    narrowed = _change_post(world, "c-2", recipients=[world.orgs.taalhuis.pk])
    response = client.post(url, narrowed)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Deze wijziging haalt iets weg" in page
    assert "Kredietbank" in page and "staat niet meer bij de ontvangers" in page
    assert "De verwijzing naar Kredietbank" in page
    assert "Hulp bij schulden en taal" in page  # what was typed is kept
    assert not Consent.objects.filter(replaces=old).exists()
    response = client.post(url, {**narrowed, "confirm_removal": "on"})
    assert response.status_code == 302
    new = Consent.objects.get(replaces=old)
    assert list(new.recipients.all()) == [world.orgs.taalhuis]
    accepted.refresh_from_db()
    assert accepted.state == State.STOPPED


def test_a_replaced_consent_cannot_be_changed_or_withdrawn_again(world, case, login):
    old = _consent(case)
    client = login(world.people.fatima)
    client.post(reverse("consent_change", args=[case.pk, old.pk]), _change_post(world, "c-3"))
    for name in ("consent_change", "consent_withdraw"):
        response = client.get(reverse(name, args=[case.pk, old.pk]))
        assert response.status_code == 302 and response["Location"] == reverse("case_detail", args=[case.pk])
    old.refresh_from_db()
    assert old.withdrawn_at is None


@pytest.mark.parametrize("persona", ["kees", "bas", "priya", "bea", "petra"])
@pytest.mark.parametrize("name", ["consent_change", "consent_withdraw"])
def test_nobody_but_regisseur_and_referrers_reaches_the_pages(world, case, accepted, login, persona, name):
    consent = _consent(case)
    response = login(getattr(world.people, persona)).get(reverse(name, args=[case.pk, consent.pk]))
    assert response.status_code in (403, 404)
    assert response.status_code == 404 or persona == "kees"
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_a_consent_of_another_resident_is_404_under_this_case(world, case, login):
    from tests.factories import give_consent, open_case

    other = open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie, family_name="Bakker")
    foreign = give_consent(
        case=other, actor=world.people.fatima, organisation=world.orgs.waterlelie, recipients=[world.orgs.taalhuis]
    )
    response = login(world.people.fatima).get(reverse("consent_withdraw", args=[case.pk, foreign.pk]))
    assert response.status_code == 404
