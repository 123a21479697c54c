# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The functional administrator keeps partners and accounts, never case content."""

import pytest
from django.core.management import call_command

from accounts.models import Membership
from directory.models import Organisation


@pytest.fixture
def bea(db):
    call_command("load_demo_data", "--no-cases")
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="beheer")


def test_the_admin_manages_partners_services_and_memberships(client, bea):
    client.force_login(bea)
    for url in [
        "/beheer/directory/organisation/",
        "/beheer/directory/service/",
        "/beheer/accounts/membership/",
        "/beheer/auth/user/",
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "model",
    [
        "referrals/resident",
        "referrals/case",
        "referrals/referral",
        "referrals/consent",
        "referrals/plangoal",
        "audit/auditentry",
        "auditlog/logentry",
    ],
)
def test_the_admin_has_no_screen_with_case_content_or_the_audit_trail(client, bea, model):
    client.force_login(bea)
    assert client.get(f"/beheer/{model}/").status_code == 404


def test_an_admin_cannot_give_themselves_a_role(client, bea):
    client.force_login(bea)
    kredietbank = Organisation.objects.get(slug="kredietbank")
    response = client.post(
        "/beheer/accounts/membership/add/",
        {
            "user": bea.pk,
            "organisation": kredietbank.pk,
            "role": "coordinator",
            "valid_until": "",
        },
    )
    assert response.status_code == 200 and "uzelf geen rol" in response.content.decode()
    assert not Membership.objects.filter(user=bea, organisation=kredietbank).exists()


def test_an_admin_cannot_make_anyone_superuser_or_delete_users(client, bea):
    from django.contrib.auth import get_user_model

    client.force_login(bea)
    kees = get_user_model().objects.get(username="kees")
    page = client.get(f"/beheer/auth/user/{kees.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page
    assert client.post(f"/beheer/auth/user/{kees.pk}/delete/", {"post": "yes"}).status_code == 403
    assert get_user_model().objects.filter(pk=kees.pk).exists()


def test_the_admin_keeps_locations_and_a_services_opening_hours(client, bea):
    """The HSDS fields are edited where the directory is kept: locations, and schedules on the service."""
    from directory.models import Location, Service

    client.force_login(bea)
    assert client.get("/beheer/directory/location/").status_code == 200
    place = Location.objects.get(name="Tuinkamer van Noord")
    assert "Fluitpolderplein 1" in client.get(f"/beheer/directory/location/{place.pk}/change/").content.decode()
    service = Service.objects.get(organisation__slug="gemeente-participatie", name="Participatieconsulent")
    page = client.get(f"/beheer/directory/service/{service.pk}/change/").content.decode()
    assert 'name="schedules-0-byday"' in page and 'value="TU,TH"' in page
    assert 'name="service_at_locations-0-location"' in page
