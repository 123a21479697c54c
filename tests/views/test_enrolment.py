# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Two-factor enrolment issued, not grabbed: the one-time link's life, who may issue it, the reset."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import EnrolmentLink
from accounts.models.enrolment import token_hash
from accounts.services.enrolment import enrolment_link_issue, second_factor_reset
from audit.models import AuditEntry, AuditReason
from policies.roles import Role
from tests.factories import administrator, member
from tests.views.test_login import PASSWORD, token_for

LINK = re.compile(r'value="(http://testserver/inloggen/koppelen/\?sleutel=[^"]+)"')


@pytest.fixture
def two_factor(settings):
    settings.REQUIRE_TWO_FACTOR = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no waiting after a deliberately wrong code


def verified_client(user) -> Client:
    """A session of `user` that passed their second factor (an authenticator app)."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    assert client.post(reverse("verify"), {"token": token_for(device)}).status_code == 302
    return client


def issue_as(by, person) -> str:
    """The link as the issuing page shows it, issued through the page by a user (or their verified session)."""
    client = by if isinstance(by, Client) else verified_client(by)
    response = client.post(reverse("enrolment_issue", args=[person.pk]))
    assert response.status_code == 200, response.status_code
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    return LINK.search(response.content.decode()).group(1).replace("&amp;", "&")


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def log_in(client, username):
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def enrol_totp(client, user):
    page = client.get(reverse("enrol"))
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(reverse("enrol"), {"token": token_for(device)}), device


def test_the_password_alone_gets_no_page_but_the_explanation(world, client, two_factor):
    log_in(client, "kees")
    inbox = client.get(reverse("inbox"))
    assert inbox.status_code == 302 and inbox["Location"].startswith(reverse("verify"))
    page = client.get(inbox["Location"])
    html = page.content.decode()
    assert "Uw koppellink is nodig" in html
    # Nothing to enrol with: no QR code, no secret, no device made for whoever holds the password.
    assert "<svg" not in html and not TOTPDevice.objects.filter(user=world.people.kees).exists()
    assert client.post(reverse("verify"), {"token": "123456"}).status_code == 200
    assert client.get(reverse("sent")).status_code == 302
    # Nor can a passkey be registered without the link.
    begin = client.post(reverse("otp_webauthn:credential-registration-begin"))
    assert begin.status_code == 403 and begin.json()["code"] == "enrolment_link_required"


def test_a_coordinator_issues_a_link_and_the_person_enrols_through_it_once(world, client, two_factor):
    kees = world.people.kees
    url = issue_as(world.people.marieke, kees)
    token = url.split("sleutel=")[1]
    link = EnrolmentLink.objects.get(user=kees)
    # Only the hash is kept.
    assert link.token_hash == token_hash(token) and token not in str(EnrolmentLink.objects.values().get())
    assert link.expires_at - link.created_at == timedelta(hours=72)

    opened = client.get(path_of(url))
    # The token leaves the address at once; the login comes first.
    assert opened.status_code == 302 and "sleutel" not in opened["Location"]
    assert opened["Location"].startswith(reverse("login"))
    log_in(client, "kees")
    response, device = enrol_totp(client, kees)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    device.refresh_from_db()
    link.refresh_from_db()
    assert device.confirmed and link.used_at is not None
    assert client.get(reverse("inbox")).status_code == 200

    reasons = set(AuditEntry.objects.values_list("reason", flat=True))
    assert {AuditReason.ENROLMENT_LINK_ISSUED, AuditReason.ENROLMENT_LINK_USED} <= reasons
    assert token_hash(token) not in str(list(AuditEntry.objects.values("changes")))

    # Used: the same link does not open again, not even for its owner.
    other = Client()
    assert other.get(path_of(url)).status_code == 404
    log_in(other, "kees")
    assert client.get(path_of(url)).status_code == 404
    # And the next login asks for the code of the device just set up.
    assert other.get(reverse("inbox"))["Location"].startswith(reverse("verify"))
    assert b"authenticator-app nu laat zien" in other.get(reverse("verify")).content


def test_an_expired_link_does_not_open(world, client, two_factor):
    url = issue_as(world.people.marieke, world.people.kees)
    EnrolmentLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    page = client.get(path_of(url))
    assert page.status_code == 404 and "Deze koppellink werkt niet" in page.content.decode()


def test_a_link_that_expires_after_opening_enrols_nothing(world, client, two_factor):
    url = issue_as(world.people.marieke, world.people.kees)
    client.get(path_of(url))
    log_in(client, "kees")
    client.get(reverse("enrol"))
    device = TOTPDevice.objects.get(user=world.people.kees, confirmed=False)
    EnrolmentLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.post(reverse("enrol"), {"token": token_for(device)}).status_code == 404
    assert not TOTPDevice.objects.filter(user=world.people.kees, confirmed=True).exists()


def test_a_link_works_for_its_own_person_only(world, client, two_factor):
    url = issue_as(world.people.marieke, world.people.kees)
    # Opened while someone else is logged in: refused.
    log_in(client, "joost")
    assert client.get(path_of(url)).status_code == 404
    # Opened first, then someone else logs in with their own password: refused too.
    other = Client()
    other.get(path_of(url))
    log_in(other, "joost")
    assert other.get(reverse("enrol")).status_code == 404
    assert not TOTPDevice.objects.filter(user=world.people.kees2).exists()
    assert EnrolmentLink.objects.get().used_at is None


def test_a_wrong_code_leaves_the_link_usable(world, client, two_factor):
    url = issue_as(world.people.marieke, world.people.kees)
    client.get(path_of(url))
    log_in(client, "kees")
    client.get(reverse("enrol"))
    device = TOTPDevice.objects.get(user=world.people.kees, confirmed=False)
    wrong = "000000" if token_for(device) != "000000" else "111111"
    response = client.post(reverse("enrol"), {"token": wrong})
    assert response.status_code == 200 and b'id="id_token_error"' in response.content
    assert EnrolmentLink.objects.get().used_at is None
    assert enrol_totp(client, world.people.kees)[0].status_code == 302


def test_a_newer_link_revokes_the_older(world, client, two_factor):
    marieke = verified_client(world.people.marieke)
    first = issue_as(marieke, world.people.kees)
    second = issue_as(marieke, world.people.kees)
    assert client.get(path_of(first)).status_code == 404
    assert client.get(path_of(second)).status_code == 302


def test_who_may_issue_a_link(world, client):
    people = world.people
    taalhuis_coordinator = member(people.anouk, world.orgs.taalhuis, Role.COORDINATOR)
    refused = [
        (taalhuis_coordinator, people.kees),  # a coordinator of another organisation
        (people.kees2, people.kees),  # a colleague who is no coordinator
        (people.marieke, people.marieke),  # oneself
        (people.marieke, people.priya),  # a privacy officer: only an administrator
    ]
    for by, person in refused:
        client.force_login(by)
        assert client.post(reverse("enrolment_issue", args=[person.pk])).status_code == 404, (by, person)
    client.force_login(people.kees2)
    assert client.get(reverse("enrolment_people")).status_code == 404
    assert not EnrolmentLink.objects.exists()

    client.force_login(people.marieke)
    listed = client.get(reverse("enrolment_people")).content.decode()
    assert "(kees)" in listed and "(anouk)" not in listed and "(priya)" not in listed
    bea = administrator(people.bea)
    client.force_login(bea)
    assert client.post(reverse("enrolment_issue", args=[people.priya.pk])).status_code == 200
    assert client.post(reverse("enrolment_issue", args=[people.anouk.pk])).status_code == 200


def test_the_service_checks_who_issues_too(world):
    from django.http import Http404

    with pytest.raises(Http404):
        enrolment_link_issue(person=world.people.kees, by=world.people.anouk)
    with pytest.raises(Http404):
        second_factor_reset(person=world.people.kees, by=world.people.kees2)
    assert not EnrolmentLink.objects.exists()


def test_a_lost_phone_reset_stops_the_old_device_and_issues_a_new_link(world, client, two_factor):
    kees = world.people.kees
    old = TOTPDevice.objects.create(user=kees, name="app", confirmed=True)
    log_in(client, "kees")
    assert client.post(reverse("verify"), {"token": token_for(old)}).status_code == 302
    assert client.get(reverse("inbox")).status_code == 200

    # Without a reset, a link for someone with a second factor is refused.
    marieke = verified_client(world.people.marieke)
    refused = marieke.post(reverse("enrolment_issue", args=[kees.pk]), follow=True)
    assert "al een tweede stap" in refused.content.decode() and not EnrolmentLink.objects.exists()

    shown = marieke.post(reverse("enrolment_issue", args=[kees.pk]), {"reset": "1"})
    url = LINK.search(shown.content.decode()).group(1)
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert AuditReason.SECOND_FACTOR_RESET in set(AuditEntry.objects.values_list("reason", flat=True))
    # The session verified with the old device is no longer verified: back to the explanation.
    assert client.get(reverse("inbox"))["Location"].startswith(reverse("verify"))
    assert "Uw koppellink is nodig" in client.get(reverse("verify")).content.decode()
    # The new link sets up a new device.
    client.get(path_of(url))
    response, _device = enrol_totp(client, kees)
    assert response.status_code == 302
    assert client.get(reverse("inbox")).status_code == 200


def test_the_enrolment_page_keeps_the_content_security_policy(world, client, two_factor):
    url = issue_as(world.people.marieke, world.people.kees)
    client.get(path_of(url))
    log_in(client, "kees")
    page = client.get(reverse("enrol"))
    html = page.content.decode()
    csp = page["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    # The library's scripts are files of our own origin; its configuration is data, not script.
    assert "django_otp_webauthn/otp_webauthn_register.js" in html
    assert re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html) == []
    catalog = client.get(reverse("otp_webauthn:js-i18n-catalog"))
    assert catalog.status_code == 200
    # With the link in the session, the passkey ceremony may begin.
    begin = client.post(reverse("otp_webauthn:credential-registration-begin"))
    assert begin.status_code == 200 and begin.json()["rp"]["name"] == "Overdracht"


def test_the_first_administrator_gets_a_link_from_the_server(world, client, two_factor):
    from io import StringIO

    from django.core.management import CommandError, call_command

    bea = administrator(world.people.bea)
    out, err = StringIO(), StringIO()
    call_command("enrolment_link", "bea", stdout=out, stderr=err)
    url = out.getvalue().strip()
    assert "/inloggen/koppelen/?sleutel=" in url and "Valid once" in err.getvalue()
    client.get(path_of(url))
    log_in(client, "bea")
    assert enrol_totp(client, bea)[0].status_code == 302
    # Set up: a second link needs --reset, which removes the device first.
    with pytest.raises(CommandError, match="--reset"):
        call_command("enrolment_link", "bea", stdout=StringIO(), stderr=StringIO())
    call_command("enrolment_link", "bea", "--reset", stdout=StringIO(), stderr=StringIO())
    assert not TOTPDevice.objects.filter(user=bea).exists()
    with pytest.raises(CommandError, match="No active user"):
        call_command("enrolment_link", "nobody", stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db(transaction=True)
def test_one_link_used_in_two_browsers_at_once_sets_up_one_device(threads_share_the_database, world, two_factor):
    from tests.hardening.races import post_at_once

    kees = world.people.kees
    _link, token = enrolment_link_issue(person=kees, by=administrator(world.people.bea))
    posts = []
    for _ in range(2):
        browser = Client()
        browser.get(f"{reverse('enrol_open')}?sleutel={token}")
        log_in(browser, "kees")
        assert browser.get(reverse("enrol")).status_code == 200
        device = TOTPDevice.objects.filter(user=kees, confirmed=False).order_by("-pk").first()
        posts.append((browser, reverse("enrol"), {"token": token_for(device)}))
    assert TOTPDevice.objects.filter(user=kees, confirmed=False).count() == 2

    answers = post_at_once(posts)

    assert not [a for a in answers if isinstance(a, Exception)], answers
    assert sorted(a.status_code for a in answers) == [302, 404]
    assert TOTPDevice.objects.filter(user=kees, confirmed=True).count() == 1
    used = AuditEntry.objects.filter(content_type__model="enrolmentlink", reason=AuditReason.ENROLMENT_LINK_USED)
    assert used.count() == 1


def test_after_logging_in_with_the_second_factor_a_passkey_can_be_added(world, two_factor):
    kees = verified_client(world.people.kees)
    page = kees.get(reverse("second_factors")).content.decode()
    assert "Authenticator-app" in page and 'id="passkey-registration-placeholder"' in page
    assert kees.post(reverse("otp_webauthn:credential-registration-begin")).status_code == 200
    # Logged in with the password only: no page, and no passkey ceremony.
    TOTPDevice.objects.create(user=world.people.kees2, name="app", confirmed=True)
    joost = Client()
    joost.force_login(world.people.kees2)
    assert joost.get(reverse("second_factors"))["Location"].startswith(reverse("verify"))
    assert joost.post(reverse("otp_webauthn:credential-registration-begin")).status_code == 403
