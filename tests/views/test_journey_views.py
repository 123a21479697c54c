# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The journeys through the views (one service call per POST), without a browser."""

from django.urls import reverse
from django.utils import timezone

from referrals.models import Consent, FollowUp, Referral, State


def test_consent_then_referral_sends_in_one_step(world, login):
    from tests.factories import open_case

    case = open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie)
    client = login(world.people.fatima)
    service = world.services.schuldhulp
    response = client.post(
        reverse("consent_record", args=[case.pk]) + f"?dienst={service.pk}",
        {
            "form_token": "c-1",
            "purpose": "Hulp bij schulden",
            "recipients": [world.orgs.kredietbank.pk],
            "data_categories": ["contact", "summary", "needs"],
            "given_how": "spoken",
            "informed_language": "nl",
            "valid_until": (timezone.localdate() + timezone.timedelta(days=90)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("referral_new", args=[case.pk]) + f"?dienst={service.pk}"
    assert Consent.objects.filter(resident=case.resident).count() == 1
    response = client.post(
        reverse("referral_new", args=[case.pk]),
        {
            "form_token": "r-1",
            "service": service.pk,
            "summary": "Rekeningen stapelen zich op.",
            "categories": [world.categories.schulden.pk],
            "urgency": "normal",
            "shared_data": ["contact", "summary"],
            "legal_basis": "consent",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("sent")
    referral = Referral.objects.get()
    assert referral.state == State.SENT and referral.summary == "Rekeningen stapelen zich op."


def test_first_contact_then_close_with_an_outcome(world, accepted, login):
    client = login(world.people.kees)
    response = client.post(
        reverse("referral_first_contact", args=[accepted.pk]),
        {"form_token": "f-1", "on": timezone.localdate().isoformat(), "way": "phone"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("referral_close", args=[accepted.pk]),
        {"form_token": "z-1", "outcome": "helped", "note": "Betalingsregeling getroffen."},
    )
    assert response.status_code == 302 and response["Location"] == reverse("inbox")
    accepted.refresh_from_db()
    assert accepted.state == State.CLOSED and accepted.outcome == "helped"
    assert FollowUp.objects.filter(referral=accepted).count() == 2  # after accepting and after closing


def test_forward_twice_submitted_sends_one_child(world, accepted, login):
    client = login(world.people.kees)
    client.post(
        reverse("referral_first_contact", args=[accepted.pk]),
        {"form_token": "f-1", "on": timezone.localdate().isoformat(), "way": "phone"},
    )
    data = {
        "form_token": "w-1",
        "service": world.services.taalmaatje.pk,
        "summary": "Wil Nederlands leren.",
        "categories": [world.categories.taal.pk],
        "urgency": "normal",
        "shared_data": ["contact"],
        "legal_basis": "consent",
    }
    url = reverse("referral_forward", args=[accepted.pk])
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert Referral.objects.filter(parent=accepted).count() == 1
    accepted.refresh_from_db()
    assert accepted.state == State.IN_PROGRESS  # warm: still ours until the Taalhuis accepts


def test_forward_form_copies_the_summary_written_once_only_on_request(world, accepted, login):
    client = login(world.people.kees)
    client.post(
        reverse("referral_first_contact", args=[accepted.pk]),
        {"form_token": "f-1", "on": timezone.localdate().isoformat(), "way": "phone"},
    )
    url = reverse("referral_forward", args=[accepted.pk]) + f"?dienst={world.services.taalmaatje.pk}"
    assert "Aanmaningen van de energieleverancier" not in client.get(url).content.decode()
    html = client.get(url + "&samenvatting=over").content.decode()
    assert "Aanmaningen van de energieleverancier" in html
