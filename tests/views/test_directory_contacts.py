# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The Wegwijzer says how to reach a service, and names languages instead of codes."""

from django.urls import reverse

from directory.models import Location, Service


def test_a_coordinator_records_how_to_reach_the_service_and_the_directory_shows_it(world, login):
    place = Location.objects.create(name="Kantoor Kredietbank", address_1="Dillenburglaan 1", postal_code="2262 AA")
    client = login(world.people.marieke)
    data = {
        "name": "Budgetcursus",
        "categories": [world.categories.schulden.pk],
        "response_days": "10",
        "accepts_referrals": "on",
        "languages": ["nl", "ar"],
        "location": place.pk,
        "contact_name": "Intake Kredietbank",
        "contact_phone": "070 123 4567",
        "contact_email": "intake@kredietbank.example",
        "website": "kredietbank.example/budget",
    }
    assert client.post(reverse("service_new"), data).status_code == 302
    service = Service.objects.get(name="Budgetcursus")
    assert service.contact_email == "intake@kredietbank.example"
    assert service.website == "https://kredietbank.example/budget"
    page = login(world.people.fatima).get(reverse("directory") + "?zoek=Budgetcursus").content.decode()
    assert "Kantoor Kredietbank, Dillenburglaan 1, 2262 AA Leidschendam" in page and "Intake Kredietbank" in page
    assert 'href="tel:0701234567"' in page and 'href="mailto:intake@kredietbank.example"' in page
    assert 'href="https://kredietbank.example/budget"' in page
    assert "Nederlands, Arabisch" in page


def test_a_website_that_is_no_web_address_is_a_form_error_and_what_was_typed_stays(world, login):
    data = {
        "name": "Budgetcursus",
        "categories": [world.categories.schulden.pk],
        "response_days": "10",
        "contact_name": "Intake Kredietbank",
        "website": "javascript:alert(1)",
    }
    response = login(world.people.marieke).post(reverse("service_new"), data)
    html = response.content.decode()
    assert response.status_code == 200 and 'id="id_website_error"' in html
    assert 'value="Intake Kredietbank"' in html
    assert not Service.objects.filter(name="Budgetcursus").exists()
