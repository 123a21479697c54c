# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Login with lockout (django-axes) and two-factor verification (django-otp TOTP)."""

from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct horse battery staple"


def test_login_goes_to_the_start_page(world, client):
    response = client.post(reverse("login"), {"username": "kees", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == reverse("inbox")


def test_wrong_password_keeps_the_username_and_says_so(world, client):
    response = client.post(reverse("login"), {"username": "kees", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200 and 'value="kees"' in html and "klopt niet" in html


@override_settings(AXES_FAILURE_LIMIT=3)
def test_account_is_locked_after_repeated_failures(world, client):
    for _ in range(3):
        client.post(reverse("login"), {"username": "kees", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "kees", "password": PASSWORD})
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_pages_need_login(world, client):
    response = client.get(reverse("inbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def token_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


@override_settings(REQUIRE_TWO_FACTOR=True)
def test_login_with_an_enrolled_device_asks_for_the_code(world, client):
    device = TOTPDevice.objects.create(user=world.people.kees, name="app", confirmed=True)
    client.post(reverse("login"), {"username": "kees", "password": PASSWORD})
    assert client.get(reverse("sent"))["Location"].startswith(reverse("verify"))
    page = client.get(reverse("verify"))
    assert b"<svg" not in page.content
    assert client.post(reverse("verify"), {"token": token_for(device)}).status_code == 302
    assert client.get(reverse("inbox")).status_code == 200


def test_without_two_factor_setting_no_code_is_asked(world, client):
    client.post(reverse("login"), {"username": "kees", "password": PASSWORD})
    assert client.get(reverse("inbox")).status_code == 200


def test_idle_session_ends_after_the_idle_time(world, client, settings):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client.post(reverse("login"), {"username": "kees", "password": PASSWORD})
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 30 * 60
    # Half an hour without a request: the stored session has expired and the user must log in again.
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(reverse("inbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def _session_writes(queries) -> list[str]:
    return [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE") and "django_session" in q["sql"]
    ]


def test_a_page_view_within_a_minute_does_not_write_the_session(world, client):
    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.post(reverse("login"), {"username": "kees", "password": PASSWORD})
    key = client.session.session_key
    expires = Session.objects.get(session_key=key).expire_date
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("inbox")).status_code == 200
        assert client.get(reverse("sent")).status_code == 200
    assert _session_writes(ctx.captured_queries) == []
    assert Session.objects.get(session_key=key).expire_date == expires


def test_a_page_view_a_minute_later_moves_the_idle_timeout(world, client, settings):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.views.idle import REFRESHED_AT

    client.post(reverse("login"), {"username": "kees", "password": PASSWORD})
    session = client.session
    # As if the last refresh was 61 seconds ago and the session then had 29 minutes left.
    session[REFRESHED_AT] -= 61
    session.save()
    Session.objects.filter(session_key=session.session_key).update(expire_date=timezone.now() + timedelta(minutes=29))
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("inbox")).status_code == 200
    assert len(_session_writes(ctx.captured_queries)) == 1
    expires = Session.objects.get(session_key=session.session_key).expire_date
    assert expires > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 10)
