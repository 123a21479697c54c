# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Signals for the tests: the Waterlelie (Kwadraad) is the signal desk, Sami the signaller."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import forget_actor
from policies.roles import Role
from signals.models import SignalDesk
from signals.services.signals import signal_hand_in
from tests.factories import OrganisationFactory, UserFactory, WijkFactory, member

CONCERN = "Post stapelt zich op achter de deur; de buurvrouw maakt zich zorgen."


def make_desk(organisation):
    SignalDesk.objects.get_or_create(organisation=organisation)
    return organisation


def hand_in(world, *, actor=None, organisation=None, agreed=True, **kwargs):
    return signal_hand_in(
        actor=actor or world.people.sami,
        organisation=organisation or world.orgs.kredietbank,
        categories=kwargs.pop("categories", [world.categories.schulden]),
        wijk=kwargs.pop("wijk", None) or WijkFactory(),
        concern=kwargs.pop("concern", CONCERN),
        resident_knows=kwargs.pop("resident_knows", True),
        resident_agreed_to_contact=agreed,
        contact_name=kwargs.pop("contact_name", "mevrouw B." if agreed else ""),
        phone=kwargs.pop("phone", "0612121212" if agreed else ""),
        **kwargs,
    )


def desk_people(world):
    """At the signal desk (the Waterlelie): Fatima (referrer), Ilse (intake), Cor (coordinator)."""
    desk = make_desk(world.orgs.waterlelie)
    ilse = member(UserFactory(username="ilse"), desk, Role.INTAKE)
    cor = member(UserFactory(username="cor"), desk, Role.COORDINATOR)
    return ilse, cor


def leaver_signaller(world):
    """A signaller whose twelve months ran out yesterday."""
    user = UserFactory(username="lotte")
    Membership.objects.create(
        user=user,
        organisation=world.orgs.kredietbank,
        role=Role.SIGNALLER,
        confirmed_at=timezone.now() - timedelta(days=400),
        valid_until=timezone.localdate() - timedelta(days=1),
    )
    forget_actor(user)
    return user


def second_desk():
    org = make_desk(OrganisationFactory(slug="servicepunt", name="Sociaal Servicepunt"))
    return member(UserFactory(username="dirk"), org, Role.INTAKE), org
