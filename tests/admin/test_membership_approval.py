# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Four eyes on memberships, and no administrator setting a protected password (issue 11, point 11).

Bea (functional administrator) creates an account and gives it a membership: in a role that sees
residents' data it gives nothing until a second person confirms it — Marieke (coordinator of
that organisation) on her page, or Ad (another administrator) in the admin; never Bea herself.
Priya (privacy officer) gets a flag. Bea cannot set Priya's or Ad's password.
Through the admin with the real client, as an administrator would.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Membership
from audit.models import PrivacyFlag
from policies.roles import Role
from referrals import services
from referrals.models import Notification, ReferralUserObjectPermission
from tests.factories import UserFactory, administrator, member

ADD = "/beheer/accounts/membership/add/"
CHANGELIST = "/beheer/accounts/membership/"


@pytest.fixture
def bea(world):
    return administrator(world.people.bea)


@pytest.fixture
def ad(world):
    return administrator(UserFactory(username="ad"), world.orgs.gemeente)


@pytest.fixture
def newcomer(db):
    return UserFactory(username="nieuwkomer")


def _grant(client, admin, user, organisation, role):
    client.force_login(admin)
    response = client.post(ADD, {"user": user.pk, "organisation": organisation.pk, "role": role, "valid_until": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Membership.objects.get(user=user, organisation=organisation, role=role)


def _action(client, admin, action, membership):
    client.force_login(admin)
    return client.post(CHANGELIST, {"action": action, "_selected_action": [membership.pk]}, follow=True)


def test_a_membership_an_administrator_makes_gives_no_access_until_another_administrator_confirms(
    client, world, case, bea, ad, newcomer
):
    membership = _grant(client, bea, newcomer, world.orgs.waterlelie, Role.REFERRER)
    assert membership.is_pending and membership.created_by == bea

    client.force_login(newcomer)
    assert client.get(f"/casussen/{case.pk}/").status_code == 404

    # Bea cannot be her own second pair of eyes.
    page = _action(client, bea, "confirm", membership).content.decode()
    assert "zelf aangemaakt" in page
    membership.refresh_from_db()
    assert membership.is_pending
    client.force_login(newcomer)
    assert client.get(f"/casussen/{case.pk}/").status_code == 404

    _action(client, ad, "confirm", membership)
    membership.refresh_from_db()
    assert membership.confirmed_by == ad and membership.confirmed_at is not None
    client.force_login(newcomer)
    assert client.get(f"/casussen/{case.pk}/").status_code == 200


def test_a_coordinator_confirms_a_new_colleague_on_her_page(client, world, draft, bea, newcomer):
    marieke, kees = world.people.marieke, world.people.kees
    services.referral_send(referral=draft, actor=world.people.fatima)
    membership = _grant(client, bea, newcomer, world.orgs.kredietbank, Role.INTAKE)
    assert Notification.objects.filter(recipient=marieke, kind=Notification.Kind.MEMBERSHIP_TO_CONFIRM).exists()

    client.force_login(newcomer)
    assert client.get(f"/verwijzingen/{draft.pk}/").status_code == 404

    # Kees works there too, but is no coordinator: the page is not his, the membership not to be found.
    client.force_login(kees)
    assert client.get("/lidmaatschappen/").status_code == 403
    assert client.post(f"/lidmaatschappen/{membership.pk}/bevestigen/").status_code == 404
    membership.refresh_from_db()
    assert membership.is_pending

    client.force_login(marieke)
    assert "(nieuwkomer)" in client.get("/lidmaatschappen/").content.decode()
    assert client.post(f"/lidmaatschappen/{membership.pk}/bevestigen/").status_code == 302
    membership.refresh_from_db()
    assert membership.confirmed_by == marieke
    assert client.post(f"/lidmaatschappen/{membership.pk}/bevestigen/").status_code == 302  # a second click

    client.force_login(newcomer)
    assert client.get(f"/verwijzingen/{draft.pk}/").status_code == 200


def test_a_coordinator_of_another_organisation_cannot_confirm(client, world, bea, newcomer):
    membership = _grant(client, bea, newcomer, world.orgs.taalhuis, Role.INTAKE)
    client.force_login(world.people.marieke)  # coordinator at the Kredietbank
    assert "(nieuwkomer)" not in client.get("/lidmaatschappen/").content.decode()
    assert client.post(f"/lidmaatschappen/{membership.pk}/bevestigen/").status_code == 404
    membership.refresh_from_db()
    assert membership.is_pending


def test_the_privacy_officer_is_told_of_every_membership_that_opens_residents_data(client, world, bea, newcomer):
    membership = _grant(client, bea, newcomer, world.orgs.kredietbank, Role.COORDINATOR)
    flag = PrivacyFlag.objects.get(kind=PrivacyFlag.Kind.MEMBERSHIP)
    assert flag.actor == bea and flag.organisation == world.orgs.kredietbank
    assert flag.details["membership"] == membership.pk and flag.details["role"] == Role.COORDINATOR

    client.force_login(world.people.priya)
    assert "Lidmaatschap met toegang" in client.get("/privacy/signalen/").content.decode()


def test_a_programme_or_signaller_membership_counts_at_once_without_a_flag(client, world, bea, newcomer):
    membership = _grant(client, bea, newcomer, world.orgs.gemeente, Role.PROGRAMME)
    assert not membership.is_pending and membership.confirmed_by == bea
    assert not PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.MEMBERSHIP).exists()


def test_a_privacy_officer_or_administrator_membership_also_needs_a_second_person(client, world, bea, newcomer):
    membership = _grant(client, bea, newcomer, world.orgs.gemeente, Role.PRIVACY_OFFICER)
    assert membership.is_pending
    assert PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.MEMBERSHIP, details__membership=membership.pk).exists()


def test_the_person_it_is_for_cannot_confirm_their_own_membership(client, world, bea, ad):
    # Ad, an administrator, is given a coordinator role by Bea: he cannot confirm it himself.
    membership = _grant(client, bea, ad, world.orgs.kredietbank, Role.COORDINATOR)
    assert "eigen lidmaatschap" in _action(client, ad, "confirm", membership).content.decode()
    membership.refresh_from_db()
    assert membership.is_pending


@pytest.mark.parametrize("target", ["priya", "ad"])
def test_an_administrator_cannot_set_the_password_of_a_privacy_officer_or_another_administrator(
    client, world, bea, ad, target
):
    user = ad if target == "ad" else world.people.priya
    before = user.password
    client.force_login(bea)
    url = f"/beheer/auth/user/{user.pk}/password/"
    assert client.get(url).status_code == 403
    response = client.post(url, {"password1": "Een-nieuw-wachtwoord-42", "password2": "Een-nieuw-wachtwoord-42"})
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.password == before


def test_an_administrator_sets_other_passwords_and_their_own(client, world, bea):
    client.force_login(bea)
    assert client.get(f"/beheer/auth/user/{world.people.kees.pk}/password/").status_code == 200
    assert client.get(f"/beheer/auth/user/{bea.pk}/password/").status_code == 200


def test_setting_a_past_end_date_in_the_admin_hands_the_work_back(client, world, draft, bea):
    kees = world.people.kees
    services.referral_send(referral=draft, actor=world.people.fatima)
    services.referral_accept(referral=draft, actor=kees)
    membership = Membership.objects.get(user=kees, role=Role.INTAKE)
    client.force_login(bea)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        f"/beheer/accounts/membership/{membership.pk}/change/", {"valid_until": yesterday.isoformat()}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.ended_by == bea and membership.valid_until == yesterday
    draft.refresh_from_db()
    assert draft.assignee is None
    assert not ReferralUserObjectPermission.objects.filter(user=kees).exists()
    # An ended membership is history: it cannot be revived without a second person.
    assert client.post(f"/beheer/accounts/membership/{membership.pk}/change/", {"valid_until": ""}).status_code in (
        302,
        403,
    )
    membership.refresh_from_db()
    assert membership.ended_at is not None and membership.valid_until == yesterday


def test_a_later_end_date_is_a_plan_that_end_memberships_carries_out(client, world, bea):
    membership = Membership.objects.get(user=world.people.kees, role=Role.INTAKE)
    client.force_login(bea)
    assert client.get(ADD).status_code == 200
    page = client.get(f"/beheer/accounts/membership/{membership.pk}/change/").content.decode()
    assert 'name="valid_until"' in page and 'name="role"' not in page  # who, where, which role: fixed
    assert "wacht op bevestiging" in client.get(CHANGELIST + "?status=pending").content.decode()
    next_week = timezone.localdate() + timedelta(days=7)
    client.post(f"/beheer/accounts/membership/{membership.pk}/change/", {"valid_until": next_week.isoformat()})
    membership.refresh_from_db()
    assert membership.valid_until == next_week and membership.ended_at is None


def test_the_admin_ends_a_membership_with_an_action_not_by_deleting_it(client, world, bea):
    membership = Membership.objects.get(user=world.people.kees, role=Role.INTAKE)
    client.force_login(bea)
    assert client.post(f"/beheer/accounts/membership/{membership.pk}/delete/", {"post": "yes"}).status_code == 403
    _action(client, bea, "end_today", membership)
    membership.refresh_from_db()
    assert membership.ended_by == bea


def test_deactivating_a_user_in_the_admin_ends_their_memberships(
    client, world, draft, bea, django_capture_on_commit_callbacks
):
    kees = world.people.kees
    services.referral_send(referral=draft, actor=world.people.fatima)
    services.referral_accept(referral=draft, actor=kees)
    client.force_login(bea)
    form = {
        "username": kees.username,
        "first_name": kees.first_name,
        "last_name": kees.last_name,
        "email": kees.email,
        "date_joined_0": kees.date_joined.date().isoformat(),
        "date_joined_1": "09:00:00",
        # no "is_active": the box is unticked
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/beheer/auth/user/{kees.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Membership.objects.filter(user=kees, ended_at=None).exists()
    draft.refresh_from_db()
    assert draft.assignee is None


def test_a_pending_membership_may_be_deleted(client, world, bea, newcomer):
    membership = _grant(client, bea, newcomer, world.orgs.kredietbank, Role.INTAKE)
    assert client.post(f"/beheer/accounts/membership/{membership.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_the_admin_runs_the_services_in_their_own_transactions(client, world, bea, ad, newcomer):
    """Outside a test transaction too (durable services may not be nested in the admin's own one)."""
    membership = _grant(client, bea, newcomer, world.orgs.kredietbank, Role.INTAKE)
    _action(client, ad, "confirm", membership)
    membership.refresh_from_db()
    assert not membership.is_pending
    yesterday = timezone.localdate() - timedelta(days=1)
    client.force_login(bea)
    response = client.post(
        f"/beheer/accounts/membership/{membership.pk}/change/", {"valid_until": yesterday.isoformat()}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.ended_at is not None
    member(newcomer, world.orgs.kredietbank, Role.COORDINATOR)  # the factory still gives active ones
    assert Membership.objects.active().filter(user=newcomer, role=Role.COORDINATOR).exists()
