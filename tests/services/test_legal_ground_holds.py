# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The legal ground must hold whenever content is disclosed, not only at send."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from accounts.selectors.actor import forget_actor
from policies.roles import Role
from referrals import services
from referrals.models import Consent, FollowUp, State
from referrals.selectors import access
from referrals.selectors.referrals import visible_referrals
from referrals.services import ActionRefused
from tests.factories import member
from tests.policies.helpers import visible_fields


def expire_consent(referral):
    Consent.objects.filter(pk=referral.consent_id).update(valid_until=timezone.localdate() - timedelta(days=1))


def test_a_referral_cannot_be_accepted_once_its_consent_expired(world, draft):
    draft = services.referral_send(referral=draft, actor=world.people.fatima)
    expire_consent(draft)
    with pytest.raises(ActionRefused, match="verlopen"):
        services.referral_accept(referral=draft, actor=world.people.kees)
    draft.refresh_from_db()
    assert draft.state == State.SENT
    assert visible_fields(world.people.kees, draft).isdisjoint({"contact", "summary"})


def test_assigning_a_new_referral_is_a_full_accept_with_handover_and_follow_up(world, draft):
    p = world.people
    draft = services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    coordinator = member(p.bas, world.orgs.taalhuis, Role.COORDINATOR)  # Bas also coordinates the Taalhuis
    child = services.referral_forward(
        referral=draft,
        actor=p.kees,
        service=world.services.taalmaatje,
        summary="Taal.",
        categories=[world.categories.taal],
    )
    services.referral_assign(referral=child, actor=coordinator, assignee=p.anouk)
    draft.refresh_from_db()
    child.refresh_from_db()
    assert (child.state, child.assignee) == (State.ACCEPTED, p.anouk)
    assert draft.state == State.HANDED_OVER
    assert FollowUp.objects.filter(referral=child).exists()


def test_assigning_is_refused_when_the_consent_expired(world, draft):
    draft = services.referral_send(referral=draft, actor=world.people.fatima)
    expire_consent(draft)
    with pytest.raises(ActionRefused, match="verlopen"):
        services.referral_assign(referral=draft, actor=world.people.marieke, assignee=world.people.kees)


def test_reopening_needs_the_legal_ground_to_hold(world, draft):
    p = world.people
    draft = services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=draft, actor=p.kees, outcome="helped", note="")
    expire_consent(draft)
    with pytest.raises(ActionRefused, match="verlopen"):
        services.referral_reopen(referral=draft, actor=p.kees)


def test_withdrawal_also_ends_access_to_closed_referrals_at_once(world, draft):
    p, o = world.people, world.orgs
    draft = services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=draft, actor=p.kees, outcome="helped", note="")
    assert visible_referrals(p.kees).filter(pk=draft.pk).exists()  # the reopen window

    services.consent_withdraw(consent=draft.consent, actor=p.fatima, organisation=o.waterlelie, reason="")
    for receiver in (p.kees, p.marieke):
        with pytest.raises(Http404):
            access.referral_for(receiver, draft.pk)


def test_a_replacing_consent_that_is_not_yet_valid_stops_the_referrals(world, case, draft):
    p, o = world.people, world.orgs
    draft = services.referral_send(referral=draft, actor=p.fatima)
    services.consent_record(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        purpose="Volgende maand",
        recipients=[o.kredietbank],
        data_categories=["contact", "summary", "needs"],
        given_how="spoken",
        informed_language="nl",
        valid_from=timezone.localdate() + timedelta(days=30),
        valid_until=timezone.localdate() + timedelta(days=90),
        replaces=draft.consent,
    )
    draft.refresh_from_db()
    assert draft.state == State.STOPPED


def test_a_referrer_cannot_refer_a_case_they_do_not_work_on(world, case):
    p, o = world.people, world.orgs
    outsider = member(p.bas, o.woej, Role.REFERRER)
    with pytest.raises(ActionRefused, match="niet aan deze casus"):
        services.referral_create(
            case=case,
            actor=outsider,
            organisation=o.woej,
            service=world.services.schuldhulp,
            summary="Meeliften op andermans toestemming",
            categories=[world.categories.schulden],
        )
    assert not case.referrals.exists()


def test_former_members_are_not_notified(world, draft):
    from accounts.models import Membership
    from referrals.models import Notification

    Membership.objects.filter(user=world.people.kees2).update(valid_until=timezone.localdate() - timedelta(days=1))
    forget_actor(world.people.kees2)  # memberships are kept on the user object
    services.referral_send(referral=draft, actor=world.people.fatima)
    assert Notification.objects.filter(recipient=world.people.kees).exists()
    assert not Notification.objects.filter(recipient=world.people.kees2).exists()


def test_being_in_someone_elses_household_does_not_open_your_own_cases_to_its_regisseur(world, case):
    from referrals.selectors.access import is_regisseur_of
    from tests.factories import open_case

    p, o = world.people, world.orgs
    ruud = member(p.ruud, o.waterlelie, Role.REGISSEUR)
    other = open_case(actor=ruud, organisation=o.waterlelie, family_name="Visser")
    other.household.add(case.resident)
    assert is_regisseur_of(ruud, other.resident)
    assert not is_regisseur_of(ruud, case.resident)
