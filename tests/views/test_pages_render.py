# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every page of the journeys answers 200 for the persona it is for."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "persona,name",
    [
        ("fatima", "directory"),
        ("fatima", "cases"),
        ("fatima", "sent"),
        ("fatima", "case_open"),
        ("kees", "inbox"),
        ("marieke", "our_services"),
        ("kees", "directory"),
    ],
)
def test_list_pages_render(world, sent, login, persona, name):
    response = login(getattr(world.people, persona)).get(reverse(name))
    assert response.status_code == 200


def test_case_pages_render(world, case, sent, login):
    client = login(world.people.fatima)
    for name in ("case_detail", "consent_record", "referral_new"):
        assert client.get(reverse(name, args=[case.pk])).status_code == 200


def test_the_case_timeline_names_each_event_in_words(world, case, sent, login):
    html = login(world.people.fatima).get(reverse("case_detail", args=[case.pk])).content.decode()
    assert "<strong>verwijzing opgesteld</strong>" in html and "<strong>verstuurd</strong>" in html


def test_referral_pages_render_for_the_receiver(world, sent, login):
    client = login(world.people.marieke)
    assert client.get(reverse("referral_detail", args=[sent.pk])).status_code == 200
    for name in ("referral_decline", "referral_assign", "referral_accept"):
        assert client.get(reverse(name, args=[sent.pk])).status_code == 200


def test_home_sends_each_role_to_its_start_page(world, login, client):
    assert login(world.people.kees).get(reverse("home"))["Location"] == reverse("inbox")
    assert login(world.people.fatima).get(reverse("home"))["Location"] == reverse("sent")
    assert login(world.people.ruud).get(reverse("home"))["Location"] == reverse("cases")
    assert login(world.people.priya).get(reverse("home"))["Location"] == "/privacy/"


def test_privacy_officer_sees_the_privacy_link(world, login):
    html = login(world.people.priya).get(reverse("directory")).content.decode()
    assert 'href="/privacy/"' in html
    html = login(world.people.fatima).get(reverse("directory")).content.decode()
    assert 'href="/privacy/"' not in html
