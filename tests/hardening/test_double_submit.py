# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A form sent twice at the same moment (a double click) does its work once.

The overlapping pairs run in two threads through the test Client, sharing one session as one
browser does, on PostgreSQL and on a SQLite file (threads_share_the_database).
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from referrals import services
from referrals.models import Case, OnceToken, Referral, State
from referrals.services.once import ABANDONED_AFTER, KEEP, WAIT_FOR_FIRST
from tests.hardening.races import post_at_once


@pytest.fixture
def login(client):
    def as_(user):
        client.force_login(user)
        return client

    return as_


def one_browser(user) -> tuple[Client, Client]:
    """Two clients with one session: the two requests of a double click."""
    first = Client()
    first.force_login(user)
    second = Client()
    second.cookies = first.cookies
    return first, second


def case_data(world, **extra):
    return {
        "form_token": "8d3c0e6f4b2a41d5a9e07c1b2f3d4e5a",
        "given_name": "Sanne",
        "family_name": "Dubbelklik",
        "birth_year": "1990",
        "phone": "0612345678",
        "preferred_language": "nl",
        "categories": [world.categories.schulden.pk],
        **extra,
    }


def referral_data(world, **extra):
    return {
        "form_token": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "service": world.services.schuldhulp.pk,
        "summary": "Rekeningen stapelen zich op.",
        "categories": [world.categories.schulden.pk],
        "urgency": "normal",
        "shared_data": ["contact", "summary"],
        "legal_basis": "consent",
        **extra,
    }


def assert_both_sent_to_one_page(answers):
    assert not [a for a in answers if isinstance(a, Exception)], answers
    assert [a.status_code for a in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]


@pytest.mark.django_db(transaction=True)
def test_a_case_form_sent_twice_at_once_opens_one_case(threads_share_the_database, world):
    url = reverse("case_open")
    answers = post_at_once([(client, url, case_data(world)) for client in one_browser(world.people.fatima)])

    assert_both_sent_to_one_page(answers)
    case = Case.objects.get()
    assert answers[0]["Location"] == reverse("consent_record", args=[case.pk])


@pytest.mark.django_db(transaction=True)
def test_a_referral_sent_twice_at_once_is_sent_once(threads_share_the_database, world, case):
    url = reverse("referral_new", args=[case.pk])
    answers = post_at_once([(client, url, referral_data(world)) for client in one_browser(world.people.fatima)])

    assert_both_sent_to_one_page(answers)
    assert answers[0]["Location"] == reverse("sent")
    assert Referral.objects.get(case=case).state == State.SENT


@pytest.mark.django_db(transaction=True)
def test_a_refused_form_sent_twice_at_once_is_refused_twice_and_can_be_sent_again(threads_share_the_database, world):
    url = reverse("case_open")
    first, second = one_browser(world.people.fatima)
    answers = post_at_once([(first, url, case_data(world, phone="")), (second, url, case_data(world, phone=""))])

    assert not [a for a in answers if isinstance(a, Exception)], answers
    assert [a.status_code for a in answers] == [200, 200]
    assert all("telefoonnummer of e-mailadres" in a.content.decode() for a in answers)
    # The token was given back: the corrected form, with the token it was rendered with, goes through.
    assert first.post(url, case_data(world)).status_code == 302
    assert Case.objects.count() == 1


def test_a_form_refused_first_is_sent_with_the_same_token_after_correcting(world, login):
    client = login(world.people.fatima)
    url = reverse("case_open")
    assert client.post(url, case_data(world, phone="")).status_code == 200
    assert not OnceToken.objects.exists()
    response = client.post(url, case_data(world))
    assert response.status_code == 302 and Case.objects.count() == 1
    # And a third submit of it lands on the same page without a second case.
    assert client.post(url, case_data(world))["Location"] == response["Location"]
    assert Case.objects.count() == 1


def test_a_post_that_ends_in_an_error_page_gives_the_token_back(world, draft, login):
    """Claimed before the access check; the 404 that follows must not keep it."""
    services.referral_send(referral=draft, actor=world.people.fatima)
    url = reverse("referral_accept", args=[draft.pk])
    assert login(world.people.bas).post(url, {"form_token": "accept-1"}).status_code == 404
    assert not OnceToken.objects.exists()


def test_the_same_token_from_another_session_of_the_user_is_still_once(world):
    url = reverse("case_open")
    tab, other_browser = Client(), Client()
    tab.force_login(world.people.fatima)
    other_browser.force_login(world.people.fatima)
    first = tab.post(url, case_data(world))
    assert other_browser.post(url, case_data(world))["Location"] == first["Location"]
    assert Case.objects.count() == 1


def test_a_token_is_the_users_own(world, login):
    """Another user sending the same token does their own work and learns nothing of the first result."""
    url = reverse("case_open")
    first = login(world.people.fatima).post(url, case_data(world))
    Case.objects.update(status=Case.Status.CLOSED)  # no "possible existing case" for the second
    other = Client()
    other.force_login(world.people.kees)  # kees refers nowhere: refused in his own right
    assert other.post(url, case_data(world)).status_code == 403
    assert OnceToken.objects.filter(user=world.people.fatima).get().result_url == first["Location"]
    assert not OnceToken.objects.filter(user=world.people.kees).exists()


def test_a_claim_whose_request_died_is_taken_over(world, login):
    """A worker killed mid-way leaves a claim without a result; its work was rolled back."""
    data = case_data(world)
    OnceToken.objects.create(
        user=world.people.fatima,
        token=data["form_token"],
        created_at=timezone.now() - ABANDONED_AFTER - timedelta(seconds=1),
    )
    response = login(world.people.fatima).post(reverse("case_open"), data)
    assert response.status_code == 302 and Case.objects.count() == 1
    assert OnceToken.objects.get().result_url == response["Location"]


def test_a_first_submit_still_at_work_after_the_wait_is_said_so(world, login):
    data = case_data(world)
    OnceToken.objects.create(
        user=world.people.fatima,
        token=data["form_token"],
        created_at=timezone.now() - WAIT_FOR_FIRST + timedelta(milliseconds=200),
    )
    client = login(world.people.fatima)
    response = client.post(reverse("case_open"), data)
    assert response.status_code == 302 and response["Location"] == reverse("case_open")
    assert "wordt nog verwerkt" in client.get(response["Location"]).content.decode()
    assert not Case.objects.exists()


def test_tokens_older_than_a_day_are_removed_at_the_next_claim(world, login):
    OnceToken.objects.create(
        user=world.people.kees, token="old", result_url="/inbox/", created_at=timezone.now() - KEEP - timedelta(1)
    )
    recent = OnceToken.objects.create(user=world.people.kees, token="recent", result_url="/inbox/")
    login(world.people.fatima).post(reverse("case_open"), case_data(world))
    assert set(OnceToken.objects.values_list("token", flat=True)) == {recent.token, case_data(world)["form_token"]}


@pytest.mark.parametrize("token", ["x" * 65, "ab/cd", "²"])
def test_a_malformed_token_is_no_token_not_a_server_error(world, login, token):
    response = login(world.people.fatima).post(reverse("case_open"), case_data(world, form_token=token))
    assert response.status_code == 302 and Case.objects.count() == 1
    assert not OnceToken.objects.exists()


def test_a_token_with_a_nul_byte_is_a_form_error_not_a_server_error(world, login):
    response = login(world.people.fatima).post(reverse("case_open"), case_data(world, form_token="ab\x00cd"))
    assert response.status_code == 200 and not Case.objects.exists()  # Django's forms refuse NUL characters
    assert not OnceToken.objects.exists()
