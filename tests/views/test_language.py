# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Dutch first; English through Django's translations, switchable on every page."""

from django.urls import reverse


def test_pages_are_dutch_by_default(world, login):
    html = login(world.people.fatima).get(reverse("directory")).content.decode()
    assert 'lang="nl"' in html and "Wegwijzer: wie kan helpen?" in html


def test_switching_to_english_translates_navigation_and_headings(world, login):
    client = login(world.people.fatima)
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("directory")})
    assert response.status_code == 302
    html = client.get(reverse("directory")).content.decode()
    assert 'lang="en"' in html
    assert "Directory: who can help?" in html and ">Cases<" in html and "Log out" in html
