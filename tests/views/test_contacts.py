# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Professionals involved in a referral or case can reach each other: name, organisation, work phone, e-mail."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import WorkContact


@pytest.fixture
def phones(world):
    p = world.people
    for person, phone in ((p.fatima, "070 111 2222"), (p.kees, "070 333 4444"), (p.bas, "070 555 6666")):
        WorkContact.objects.update_or_create(user=person, defaults={"phone": phone})
        person.email = f"{person.username}@partner.example"
        person.save(update_fields=["email"])


def test_the_receiver_sees_how_to_reach_the_referrer_and_the_regisseur(world, accepted, phones, login):
    page = login(world.people.kees).get(reverse("referral_detail", args=[accepted.pk])).content.decode()
    assert "Betrokken professionals" in page
    assert 'href="tel:0701112222"' in page and 'href="mailto:fatima@partner.example"' in page
    assert "verwijzer" in page and "regisseur" in page
    assert world.orgs.waterlelie.name in page


def test_the_regisseur_sees_the_receivers_contact_person_on_the_case_page(world, case, accepted, phones, login):
    page = login(world.people.fatima).get(reverse("case_detail", args=[case.pk])).content.decode()
    assert "contactpersoon bij de ontvanger" in page
    assert 'href="tel:0703334444"' in page and 'href="mailto:kees@partner.example"' in page


def test_nobody_outside_the_referral_gets_the_contacts(world, accepted, phones, login):
    response = login(world.people.bas).get(reverse("referral_detail", args=[accepted.pk]))
    assert response.status_code == 404
    assert "070 111 2222" not in response.content.decode()


def test_the_already_known_warning_says_how_to_reach_the_regisseur(world, case, phones, login):
    from tests.views.test_forms_and_permissions import case_data

    data = case_data(
        family_name="Jansen", birth_year="1985", phone="0611111111", categories=[world.categories.schulden.pk]
    )
    page = login(world.people.fatima).post(reverse("case_open"), data).content.decode()
    assert "mogelijk al een casus" in page and 'href="tel:0701112222"' in page


def test_the_forward_page_says_who_can_extend_the_consent(world, accepted, phones, login):
    from referrals import services

    services.referral_record_first_contact(
        referral=accepted, actor=world.people.kees, on=timezone.localdate(), way="phone"
    )
    page = login(world.people.kees).get(reverse("referral_forward", args=[accepted.pk])).content.decode()
    assert "De regisseur kan die met de inwoner uitbreiden" in page and 'href="tel:0701112222"' in page
