# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who sees a signal and who may do what with it: every role, at every step of the signal (404 for the rest)."""

import pytest
from django.urls import reverse

from policies.actor import ANONYMOUS, Actor
from policies.roles import Role
from policies.signals import SignalStatus, signal_policy, signaller_status
from signals.models import Signal
from signals.services.signals import signal_close, signal_open_case, signal_pick_up
from tests.factories import UserFactory, member
from tests.signals.helpers import desk_people, hand_in, leaver_signaller, second_desk

DESK = {"fatima", "ilse", "cor"}


def _signal_at(world, step):
    signal = hand_in(world)
    if step == "received":
        return signal
    signal = signal_pick_up(signal=signal, actor=world.people.fatima, organisation=world.orgs.waterlelie)
    if step == "closed":
        return signal_close(signal=signal, actor=world.people.fatima, reason="no_contact")
    if step == "case_opened":
        signal_open_case(
            signal=signal,
            actor=world.people.fatima,
            given_name="Bea",
            family_name="Bakker",
            birth_year=1970,
            phone="0612121212",
            categories=[world.categories.schulden],
        )
        return Signal.objects.get(pk=signal.pk)
    return signal


def _people(world):
    ilse, cor = desk_people(world)
    dirk, _org = second_desk()
    other_signaller = member(UserFactory(username="sara"), world.orgs.woej, Role.SIGNALLER)
    people = {name: getattr(world.people, name) for name in ("fatima", "ruud", "kees", "marieke", "anouk", "bas")}
    people |= {n: getattr(world.people, n) for n in ("priya", "bea", "sami", "petra")}
    return people | {"ilse": ilse, "cor": cor, "dirk": dirk, "sara": other_signaller, "lotte": leaver_signaller(world)}


@pytest.mark.parametrize("step", ["received", "picked_up", "closed", "case_opened"])
def test_only_the_signal_desk_sees_a_signal_and_once_picked_up_only_the_desk_that_took_it(client, world, step):
    people = _people(world)
    signal = _signal_at(world, step)
    url = reverse("signals:desk_detail", args=[signal.pk])
    seen = set()
    for name, user in people.items():
        client.force_login(user)
        status = client.get(url).status_code
        assert status in (200, 404), (name, status)
        if status == 200:
            seen.add(name)
    client.logout()
    assert client.get(url).status_code == 302  # anonymous: to the login page
    expected = {
        "received": DESK | {"dirk"},  # every desk sees a new signal
        "picked_up": DESK,  # then only the desk that picked it up
        "closed": DESK,
        "case_opened": set(),  # erased once the case exists: the case holds what is needed
    }[step]
    assert seen == expected


@pytest.mark.parametrize("step", ["received", "picked_up", "closed", "case_opened"])
def test_the_signaller_sees_only_the_status_of_their_own_signal(client, world, step):
    people = _people(world)
    signal = _signal_at(world, step)
    for name, user in people.items():
        client.force_login(user)
        mine = client.get(reverse("signals:mine"))
        add = client.get(reverse("signals:add", args=[signal.pk]))
        if name == "sami":
            assert mine.status_code == 200
            html = mine.content.decode()
            assert signal.reference in html
            assert {"received": "Ontvangen", "picked_up": "Opgepakt", "closed": "Afgesloten"}.get(
                step, "Opgepakt"
            ) in html
            assert "Post stapelt" not in html and "mevrouw B." not in html and "Bakker" not in html
            assert "C-" not in html  # no case reference
            assert add.status_code == (200 if step == "received" else 302)
        elif name in ("sara", "lotte"):  # signallers too, but not theirs (lotte: her access ran out)
            assert add.status_code == 404, name
            assert signal.reference not in mine.content.decode()
        else:
            assert add.status_code == 404, name
            assert mine.status_code == 404, name


def test_the_rules_without_a_database():
    desks = {1}
    signal = Signal(
        signalled_by_id=7,
        signalled_by_organisation_id=3,
        status=SignalStatus.RECEIVED,
        picked_up_by_organisation_id=None,
    )
    signaller = Actor(user_id=7, memberships=frozenset({(3, Role.SIGNALLER)}))
    referrer = Actor(user_id=8, memberships=frozenset({(1, Role.REFERRER)}))
    intake = Actor(user_id=9, memberships=frozenset({(1, Role.INTAKE)}))
    coordinator_elsewhere = Actor(user_id=10, memberships=frozenset({(2, Role.COORDINATOR)}))
    privacy = Actor(user_id=11, memberships=frozenset({(1, Role.PRIVACY_OFFICER), (1, Role.PROGRAMME)}))
    assert signal_policy.may_add_information(signaller, signal)
    assert not signal_policy.sees_content(signaller, signal, desks)
    assert signal_policy.may_pick_up(intake, signal, 1, desks)
    assert not signal_policy.may_pick_up(coordinator_elsewhere, signal, 2, desks)
    assert not signal_policy.sees_content(privacy, signal, desks)
    assert not signal_policy.sees_content(ANONYMOUS, signal, desks)
    signal.status, signal.picked_up_by_organisation_id = SignalStatus.PICKED_UP, 1
    assert not signal_policy.may_add_information(signaller, signal)
    assert signal_policy.may_open_case(referrer, signal, desks)
    assert not signal_policy.may_open_case(intake, signal, desks)  # only a referring role opens a case
    assert signal_policy.may_close(intake, signal, desks)
    assert signaller_status(SignalStatus.CASE_OPENED) == signaller_status(SignalStatus.PICKED_UP) == "Opgepakt"
    assert signal_policy.signaller_admin_organisations(coordinator_elsewhere, desks) == frozenset()
    assert signal_policy.signaller_admin_organisations(
        Actor(user_id=12, memberships=frozenset({(1, "coordinator")})), desks
    ) == {1}
