# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""When a membership ends, the leaver's work goes back to the organisation (issue 11, point 1).

Kees (intake, Kredietbank) leaves while he handles Fatima's referral: his grants go, the referral
is back in the Kredietbank's queue unassigned, and Marieke (coordinator) is told. Fatima
(referrer, De Waterlelie) leaves while she is the regisseur of a case: her colleague is told
the case needs a new regisseur. A membership whose end date passed gets the same hand-back
from `manage.py end_memberships`.
"""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import forget_actor
from accounts.services.memberships import membership_end
from audit.models import AuditEntry, AuditReason
from policies.roles import Role
from referrals import services
from referrals.models import EventName, Notification, Referral, ReferralUserObjectPermission, State
from referrals.services.errors import ActionRefused
from tests.factories import UserFactory, administrator, member


@pytest.fixture
def accepted(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    return services.referral_accept(referral=draft, actor=world.people.kees)


@pytest.fixture
def bea(world):
    return administrator(world.people.bea)


def _membership(user, role):
    return Membership.objects.get(user=user, role=role, ended_at=None)


def test_ending_a_handlers_membership_returns_the_referral_to_the_coordinators(world, accepted, bea):
    kees, marieke = world.people.kees, world.people.marieke
    assert ReferralUserObjectPermission.objects.filter(user=kees, content_object=accepted).exists()

    membership_end(_membership(kees, Role.INTAKE), by=bea)

    accepted.refresh_from_db()
    assert accepted.state == State.ACCEPTED and accepted.assignee is None
    assert not ReferralUserObjectPermission.objects.filter(user=kees).exists()
    assert not kees.groups.filter(pk=world.orgs.kredietbank.group.pk).exists()
    event = accepted.events.get(name=EventName.RETURNED)
    assert event.actor is None and event.details == {"reason": "membership_ended"}
    notice = Notification.objects.get(recipient=marieke, kind=Notification.Kind.RETURNED)
    assert notice.referral == accepted and str(accepted) in notice.message
    assert not Notification.objects.filter(recipient=kees, kind=Notification.Kind.RETURNED).exists()
    # The revocation is in the audit trail, with why and by whom, in the one transaction.
    revoked = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(ReferralUserObjectPermission),
        action=AuditEntry.Action.DELETE,
    )
    assert revoked.reason == AuditReason.MEMBERSHIP_ENDED and revoked.actor == bea
    assert revoked.pseudonym == accepted.case.resident.pseudonym
    ended = _ended(kees)
    assert ended.ended_by == bea and ended.valid_until == timezone.localdate() - timedelta(days=1)

    # The coordinator gives it to a colleague; Kees can no longer be given anything.
    forget_actor(kees)
    services.referral_assign(referral=accepted, actor=marieke, assignee=world.people.kees2)
    with pytest.raises(ActionRefused):
        services.referral_assign(referral=accepted, actor=marieke, assignee=kees)


def test_a_closed_referral_the_leaver_could_reopen_loses_the_grant_and_keeps_its_history(world, accepted, bea):
    kees = world.people.kees
    services.referral_record_first_contact(referral=accepted, actor=kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=accepted, actor=kees, outcome="helped", note="")

    membership_end(_membership(kees, Role.INTAKE), by=bea)

    accepted.refresh_from_db()
    assert accepted.state == State.CLOSED and accepted.assignee == kees  # who handled it stays a fact
    assert not ReferralUserObjectPermission.objects.filter(user=kees).exists()
    assert not Notification.objects.filter(kind=Notification.Kind.RETURNED).exists()


def test_ending_one_of_two_roles_at_an_organisation_keeps_the_work(world, draft, bea):
    marieke = world.people.marieke
    member(marieke, world.orgs.kredietbank, Role.INTAKE)
    services.referral_send(referral=draft, actor=world.people.fatima)
    services.referral_accept(referral=draft, actor=marieke)

    membership_end(_membership(marieke, Role.INTAKE), by=bea)

    draft.refresh_from_db()
    assert draft.assignee == marieke  # still a coordinator there
    assert ReferralUserObjectPermission.objects.filter(user=marieke, content_object=draft).exists()
    assert marieke.groups.filter(pk=world.orgs.kredietbank.group.pk).exists()


def test_ending_a_regisseurs_membership_tells_the_organisation_the_case_needs_a_new_regisseur(world, case, bea):
    fatima = world.people.fatima
    lotte = member(UserFactory(username="lotte"), world.orgs.waterlelie, Role.REFERRER)

    membership_end(_membership(fatima, Role.REFERRER), by=bea)

    notice = Notification.objects.get(recipient=lotte, kind=Notification.Kind.REGISSEUR_NEEDED)
    assert case.reference in notice.message
    assert "Sanne" not in notice.message and "Jansen" not in notice.message  # never the resident
    # The coordinators are told first, where the organisation has them.
    marlies = member(UserFactory(username="marlies"), world.orgs.waterlelie, Role.COORDINATOR)
    fatima2 = member(UserFactory(username="fatima2"), world.orgs.waterlelie, Role.REFERRER)
    other = services.case_open(
        actor=fatima2,
        organisation=world.orgs.waterlelie,
        given_name="Sanne",
        family_name="de Vries",
        birth_year=1990,
        phone="0611111111",
        categories=[world.categories.schulden],
    )
    membership_end(_membership(fatima2, Role.REFERRER), by=bea)
    told = Notification.objects.filter(kind=Notification.Kind.REGISSEUR_NEEDED, message__contains=other.reference)
    assert list(told.values_list("recipient__username", flat=True)) == [marlies.username]


def test_ending_twice_changes_nothing_and_the_end_cannot_lie_in_the_future(world, accepted, bea):
    kees = world.people.kees
    membership = _membership(kees, Role.INTAKE)
    with pytest.raises(ActionRefused):
        membership_end(membership, by=bea, on=timezone.localdate() + timedelta(days=1))
    membership_end(membership, by=bea)
    notices = Notification.objects.filter(kind=Notification.Kind.RETURNED).count()
    membership_end(membership, by=bea)
    assert Notification.objects.filter(kind=Notification.Kind.RETURNED).count() == notices == 1


def test_only_an_administrator_ends_a_membership(world, accepted):
    with pytest.raises(ActionRefused):
        membership_end(_membership(world.people.kees, Role.INTAKE), by=world.people.marieke)
    accepted.refresh_from_db()
    assert accepted.assignee == world.people.kees


def test_end_memberships_hands_back_the_work_of_a_membership_whose_end_date_passed(world, accepted, capsys):
    kees = world.people.kees
    # The end date was set earlier (a planned leave); the day has passed.
    Membership.objects.filter(user=kees).update(valid_until=timezone.localdate() - timedelta(days=2))

    call_command("end_memberships")

    accepted.refresh_from_db()
    assert accepted.assignee is None
    assert not ReferralUserObjectPermission.objects.filter(user=kees).exists()
    assert Notification.objects.filter(recipient=world.people.marieke, kind=Notification.Kind.RETURNED).exists()
    ended = _ended(kees)
    assert ended.ended_by is None and ended.valid_until == timezone.localdate() - timedelta(days=2)
    assert AuditEntry.objects.filter(reason=AuditReason.MEMBERSHIP_LAPSED, object_id=str(ended.pk)).exists()
    assert "1 membership(s) ended" in capsys.readouterr().out

    call_command("end_memberships")  # safe twice
    assert "0 membership(s) ended" in capsys.readouterr().out


def test_end_memberships_leaves_current_and_planned_ones_alone(world, accepted):
    Membership.objects.filter(user=world.people.kees).update(valid_until=timezone.localdate())
    call_command("end_memberships")
    accepted.refresh_from_db()
    assert accepted.assignee == world.people.kees
    assert not Membership.objects.filter(ended_at__isnull=False).exists()


def test_end_memberships_ends_the_memberships_of_a_deactivated_user(world, accepted):
    kees = world.people.kees
    type(kees).objects.filter(pk=kees.pk).update(is_active=False)
    call_command("end_memberships")
    accepted.refresh_from_db()
    assert accepted.assignee is None
    assert Membership.objects.filter(user=kees, ended_at__isnull=False).exists()


def test_an_ended_membership_stays_as_history_and_someone_who_returns_gets_a_new_one(world, bea):
    kees = world.people.kees
    membership_end(_membership(kees, Role.INTAKE), by=bea)
    back = Membership.objects.create(user=kees, organisation=world.orgs.kredietbank, role=Role.INTAKE)
    assert back.is_pending
    assert Membership.objects.filter(user=kees, role=Role.INTAKE).count() == 2


def _ended(user) -> Membership:
    return Membership.objects.get(user=user, ended_at__isnull=False)


def test_the_referral_back_in_the_queue_shows_on_the_coordinators_inbox(world, accepted, bea, client):
    membership_end(_membership(world.people.kees, Role.INTAKE), by=bea)
    client.force_login(world.people.marieke)
    page = client.get("/inbox/?bak=alle").content.decode()
    assert f"/verwijzingen/{accepted.pk}/" in page
    assert Referral.objects.get(pk=accepted.pk).assignee is None


def test_a_colleague_takes_over_the_regie_of_a_case_whose_regisseur_left(world, case, bea, client):
    fatima = world.people.fatima
    lotte = member(UserFactory(username="lotte"), world.orgs.waterlelie, Role.REFERRER)
    follow_up = case.follow_ups.create(owner=fatima, due_on=timezone.localdate() + timedelta(days=3))
    client.force_login(lotte)
    page = client.get(f"/casussen/{case.pk}/").content.decode()
    assert "nieuwe regisseur nodig" not in page and "Neem de regie over" not in page
    assert client.post(f"/casussen/{case.pk}/regie/").status_code == 403  # Fatima is still there

    membership_end(_membership(fatima, Role.REFERRER), by=bea)

    page = client.get(f"/casussen/{case.pk}/").content.decode()
    assert "nieuwe regisseur nodig" in page and "Neem de regie over" in page
    assert client.post(f"/casussen/{case.pk}/regie/").status_code == 302
    assert client.post(f"/casussen/{case.pk}/regie/").status_code == 302  # a second click changes nothing
    case.refresh_from_db()
    follow_up.refresh_from_db()
    assert case.regisseur == lotte and follow_up.owner == lotte
    assert "nieuwe regisseur nodig" not in client.get(f"/casussen/{case.pk}/").content.decode()
    # Now that Lotte is the regisseur, nobody else takes it over.
    colleague = member(UserFactory(username="mila"), world.orgs.waterlelie, Role.REFERRER)
    with pytest.raises(ActionRefused):
        services.case_take_over_regie(case=case, actor=colleague)


def test_someone_who_does_not_work_at_the_regie_organisation_cannot_take_over(world, case, bea, client):
    membership_end(_membership(world.people.fatima, Role.REFERRER), by=bea)
    for outsider in (world.people.ruud, world.people.marieke, world.people.bea):
        with pytest.raises(ActionRefused):
            services.case_take_over_regie(case=case, actor=outsider)
    client.force_login(world.people.ruud)
    assert client.post(f"/casussen/{case.pk}/regie/").status_code == 404
    case.refresh_from_db()
    assert case.regisseur == world.people.fatima
