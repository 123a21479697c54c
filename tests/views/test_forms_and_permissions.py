# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Forms keep what was typed, say what to fix next to the field, and do nothing twice."""

from django.urls import reverse

from referrals.models import Case, EventName, Referral, State


def case_data(**extra):
    data = {
        "form_token": "t-1",
        "given_name": "Sanne",
        "family_name": "de Vries",
        "birth_year": "1990",
        "phone": "",
        "email": "",
        "preferred_language": "nl",
        "categories": [],
    }
    data.update(extra)
    return data


def test_refused_case_keeps_what_was_typed_and_marks_the_field(world, login):
    response = login(world.people.fatima).post(
        reverse("case_open"), case_data(categories=[world.categories.schulden.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_phone_error"' in html and "telefoonnummer of e-mailadres" in html
    assert 'value="de Vries"' in html
    assert 'aria-invalid="true"' in html
    assert not Case.objects.exists()


def test_double_submit_opens_one_case(world, login):
    client = login(world.people.fatima)
    data = case_data(phone="0612345678", categories=[world.categories.schulden.pk])
    first = client.post(reverse("case_open"), data)
    second = client.post(reverse("case_open"), data)
    assert Case.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]


def test_possible_existing_case_names_only_the_regisseur(world, case, login):
    client = login(world.people.fatima)
    data = case_data(
        family_name="Jansen", birth_year="1985", phone="0611111111", categories=[world.categories.schulden.pk]
    )
    response = client.post(reverse("case_open"), data)
    html = response.content.decode()
    assert "mogelijk al een casus" in html and "Fatima" in html and world.orgs.waterlelie.name in html
    assert case.reference not in html
    assert Case.objects.count() == 1
    response = client.post(reverse("case_open"), {**data, "form_token": "t-2", "confirm_new": "on"})
    assert response.status_code == 302 and Case.objects.count() == 2


def test_double_accept_accepts_once_and_second_post_redirects(world, sent, login):
    client = login(world.people.kees)
    url = reverse("referral_accept", args=[sent.pk])
    assert client.post(url, {"form_token": "a-1"}).status_code == 302
    again = client.post(url, {"form_token": "a-1"})
    assert again.status_code == 302 and again["Location"] == reverse("referral_detail", args=[sent.pk])
    assert sent.events.filter(name=EventName.ACCEPT).count() == 1


def test_decline_without_reason_is_refused_next_to_the_field(world, sent, login):
    response = login(world.people.kees).post(
        reverse("referral_decline", args=[sent.pk]), {"form_token": "d-1", "reason": "", "note": "Niet voor ons."}
    )
    html = response.content.decode()
    assert 'id="id_reason_error"' in html and "Niet voor ons." in html
    sent.refresh_from_db()
    assert sent.state == State.SENT


def test_referral_send_refused_without_consent_leaves_no_draft(world, login):
    from tests.factories import open_case

    case = open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie)
    response = login(world.people.fatima).post(
        reverse("referral_new", args=[case.pk]),
        {
            "form_token": "r-1",
            "service": world.services.schuldhulp.pk,
            "summary": "Hulp nodig met rekeningen.",
            "categories": [world.categories.schulden.pk],
            "urgency": "normal",
            "shared_data": ["contact"],
            "legal_basis": "consent",
        },
    )
    assert response.status_code == 200 and "toestemming" in response.content.decode().lower()
    assert "Hulp nodig met rekeningen." in response.content.decode()
    assert not Referral.objects.exists()


def test_visible_but_forbidden_action_is_403(world, sent, login):
    # Kees sees the referral but only the coordinator assigns.
    assert login(world.people.kees).get(reverse("referral_assign", args=[sent.pk])).status_code == 403
    # Fatima may not accept her own referral.
    assert (
        login(world.people.fatima).post(reverse("referral_accept", args=[sent.pk]), {"form_token": "x"}).status_code
        == 403
    )


def test_only_the_coordinator_edits_services(world, login):
    url = reverse("service_edit", args=[world.services.schuldhulp.pk])
    assert login(world.people.kees).get(url).status_code == 403
    assert login(world.people.marieke).get(url).status_code == 200


def test_sent_list_shows_and_filters_what_is_overdue(world, sent, draft, login):
    from datetime import timedelta

    from django.utils import timezone

    from referrals.models import Referral

    Referral.objects.filter(pk=sent.pk).update(respond_by=timezone.now() - timedelta(days=1))
    client = login(world.people.fatima)
    html = client.get(reverse("sent")).content.decode()
    assert "te laat" in html
    only = client.get(reverse("sent") + "?filter=te-laat").content.decode()
    assert f"/verwijzingen/{sent.pk}/" in only


def test_coordinator_adds_a_service_to_the_directory(world, login):
    from directory.models import Service

    client = login(world.people.marieke)
    data = {
        "name": "Budgetcursus",
        "categories": [world.categories.schulden.pk],
        "response_days": "10",
        "accepts_referrals": "on",
        "walk_in_hours": "wo 13:00–15:00",
    }
    assert client.post(reverse("service_new"), data).status_code == 302
    service = Service.objects.get(name="Budgetcursus")
    assert service.organisation == world.orgs.kredietbank and service.walk_in_hours == "wo 13:00–15:00"
    refused = client.post(reverse("service_new"), data)
    assert refused.status_code == 200 and 'id="id_name_error"' in refused.content.decode()
    assert login(world.people.kees).get(reverse("service_new")).status_code == 403
