# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The regisseur's tools through their pages: forms keep what was typed, a double submit acts once."""

from django.urls import reverse

from referrals import services
from referrals.models import Case, FollowUp, RegieOffer
from referrals.selectors.cases import regie_candidates

TOKEN = "5a1b2c3d4e5f60718293a4b5c6d7e8f9"


def candidate_of(case, user):
    return regie_candidates(case).get(user=user)


def test_offering_and_accepting_the_regie_through_the_pages(client, world, worked):
    p = world.people
    client.force_login(p.fatima)
    page = client.get(reverse("case_detail", args=[worked.pk])).content.decode()
    assert reverse("regie_offer", args=[worked.pk]) in page
    data = {"form_token": TOKEN, "candidate": candidate_of(worked, p.ruud).pk}
    url = reverse("regie_offer", args=[worked.pk])
    first = client.post(url, data)
    second = client.post(url, data)  # a double submit
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert RegieOffer.objects.filter(case=worked).count() == 1
    page = client.get(reverse("case_detail", args=[worked.pk])).content.decode()
    assert "Regie aangeboden" in page and "Aanbod intrekken" in page

    client.force_login(p.ruud)
    listing = client.get(reverse("cases")).content.decode()
    assert reverse("regie_offer_answer", args=[worked.pk]) in listing
    offer_page = client.get(reverse("regie_offer_answer", args=[worked.pk])).content.decode()
    # Before accepting: the reference, categories, wijk and who offers — nothing of the resident.
    assert worked.reference in offer_page and "Schulden" in offer_page and "Fatima" in offer_page
    assert "Sanne" not in offer_page and "Jansen" not in offer_page and "0612345678" not in offer_page
    answer = {"form_token": "a" * 32, "answer": "accept"}
    response = client.post(reverse("regie_offer_answer", args=[worked.pk]), answer)
    assert response["Location"] == reverse("case_detail", args=[worked.pk])
    again = client.post(reverse("regie_offer_answer", args=[worked.pk]), answer)
    assert again["Location"] == response["Location"]
    worked.refresh_from_db()
    assert worked.regisseur == p.ruud
    assert "Sanne" in client.get(reverse("case_detail", args=[worked.pk])).content.decode()


def test_the_offer_form_keeps_the_choice_when_refused(client, world, worked, opener):
    p = world.people
    services.regie_offer(case=worked, actor=p.fatima, to_user=p.ruud, organisation=world.orgs.gemeente)
    client.force_login(p.fatima)
    choice = candidate_of(worked, opener).pk
    response = client.post(reverse("regie_offer", args=[worked.pk]), {"form_token": TOKEN, "candidate": choice})
    assert response.status_code == 200
    html = response.content.decode()
    assert "al aangeboden aan Ruud" in html
    assert f'value="{choice}" selected' in html


def test_the_close_form_names_the_open_referrals_and_keeps_the_reason(client, world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    client.force_login(world.people.fatima)
    url = reverse("case_close", args=[draft.case.pk])
    response = client.post(url, {"form_token": TOKEN, "reason": "no_help_wanted"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{draft.case.reference}/{draft.pk}" in html
    assert 'value="no_help_wanted" selected' in html
    assert Case.objects.get(pk=draft.case.pk).status == Case.Status.OPEN


def test_closing_twice_by_double_submit_closes_once_and_reopen_works(client, world, worked):
    client.force_login(world.people.fatima)
    url = reverse("case_close", args=[worked.pk])
    data = {"form_token": TOKEN, "reason": "resolved"}
    assert client.post(url, data)["Location"] == client.post(url, data)["Location"]
    assert FollowUp.objects.filter(case=worked, kind="waakvlam").count() == 1
    page = client.get(reverse("case_detail", args=[worked.pk])).content.decode()
    assert "Deze casus is gesloten" in page and "waakvlam" in page
    assert worked.reference in client.get(reverse("cases_closed")).content.decode()
    assert worked.reference not in client.get(reverse("cases")).content.decode()
    client.post(reverse("case_reopen", args=[worked.pk]))
    client.post(reverse("case_reopen", args=[worked.pk]))  # a second click changes nothing
    worked.refresh_from_db()
    assert worked.status == Case.Status.OPEN


def test_the_household_form_keeps_input_and_adds_once(client, world, case):
    client.force_login(world.people.fatima)
    url = reverse("household_add", args=[case.pk])
    refused = client.post(url, {"form_token": TOKEN, "given_name": "", "family_name": "", "phone": "0611"})
    assert refused.status_code == 200 and 'value="0611"' in refused.content.decode()
    data = {"form_token": "b" * 32, "given_name": "Noor", "family_name": "Jansen", "birth_year": "2012"}
    client.post(url, data)
    client.post(url, data)
    assert case.household.count() == 1
    page = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    assert "Noor Jansen" in page and "geen eigen toestemming" in page
    member = case.household.get()
    client.post(reverse("household_remove", args=[case.pk, member.pk]))
    assert not case.household.exists()


def test_recording_a_members_own_consent_through_the_page(client, world, case):
    from django.utils import timezone

    member = services.household_add(case=case, actor=world.people.fatima, given_name="Noor", family_name="Jansen")
    client.force_login(world.people.fatima)
    url = reverse("consent_record", args=[case.pk]) + f"?lid={member.pk}"
    page = client.get(url).content.decode()
    assert "Eigen toestemming van gezinslid Noor Jansen" in page
    data = {
        "form_token": "c" * 32,
        "purpose": "Huiswerkbegeleiding",
        "recipients": [world.orgs.taalhuis.pk],
        "data_categories": ["contact"],
        "given_how": "spoken",
        "informed_language": "nl",
        "valid_until": (timezone.localdate() + timezone.timedelta(days=30)).isoformat(),
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    consent = member.consents.get()
    assert client.get(reverse("consent_receipt", args=[consent.pk])).status_code == 200
    assert "eigen toestemming geldig" in client.get(reverse("case_detail", args=[case.pk])).content.decode()
    other = services.household_add(case=case, actor=world.people.fatima, given_name="Ali", family_name="Jansen")
    services.household_remove(case=case, actor=world.people.fatima, member=other)
    assert client.get(reverse("consent_record", args=[case.pk]) + f"?lid={other.pk}").status_code == 404
