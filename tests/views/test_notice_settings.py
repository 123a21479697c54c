# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A person's own settings page: how notices reach them by e-mail, linked from the header."""

from django.urls import reverse

from accounts.models import NoticeSettings


def test_the_header_links_to_the_settings_page(world, login):
    html = login(world.people.kees).get(reverse("inbox")).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert f'href="{reverse("notice_settings")}"' in header and "Instellingen" in header


def test_a_person_chooses_how_notices_reach_them(world, login):
    client = login(world.people.kees)
    page = client.get(reverse("notice_settings")).content.decode()
    assert "checked" in page.split('value="daily"')[1].split(">")[0]  # never chose: the daily digest
    assert "altijd direct een e-mail" in page  # urgent ones always go at once
    response = client.post(reverse("notice_settings"), {"email": "never"})
    assert response.status_code == 302 and response["Location"] == reverse("notice_settings")
    assert NoticeSettings.objects.get(user=world.people.kees).email == "never"
    page = client.get(reverse("notice_settings")).content.decode()
    assert "checked" in page.split('value="never"')[1].split(">")[0]
    assert not NoticeSettings.objects.filter(user=world.people.marieke).exists()  # only one's own


def test_an_unknown_choice_is_refused_in_words(world, login):
    client = login(world.people.kees)
    response = client.post(reverse("notice_settings"), {"email": "hourly"})
    assert response.status_code == 200
    assert "geen beschikbare keuze" in response.content.decode()
    assert not NoticeSettings.objects.filter(user=world.people.kees).exists()


def test_the_settings_page_needs_a_login(client):
    response = client.get(reverse("notice_settings"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
