# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The check and the list filter are one policy: they agree for every role × state.

For each persona (every role, a non-assignee colleague, the next partner of a forward, an
uninvolved partner, a leaver whose membership ended, anonymous) and a referral in every state,
`referral_policy.sees` (one object, as the pages and services ask) must equal membership of
`referral_policy.filter` (the SQL that builds every list). Every allowed action must be on a
visible referral, start from a state the state machine allows, and come with a role to act in.
The same for cases.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import actor_for, forget_actor
from policies.actor import ANONYMOUS
from policies.cases import case_policy
from policies.referrals import ACTIONS, ALL_FIELDS, HISTORY_FIELDS, METADATA_FIELDS, referral_policy, source_states
from policies.roles import Role
from referrals import services
from referrals.models import Case, Referral, State
from tests.factories import UserFactory, member

PERSONAS = [
    "fatima",
    "ruud",
    "kees",
    "colleague",
    "marieke",
    "anouk",
    "bas",
    "priya",
    "bea",
    "sami",
    "petra",
    "leaver",
    "anonymous",
]


def _referral(world, case, service=None):
    p, o = world.people, world.orgs
    return services.referral_create(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        service=service or world.services.schuldhulp,
        summary="Rekeningen stapelen zich op.",
        categories=[world.categories.schulden],
        shared_data=["contact"],
    )


def _in_every_state(world, case) -> dict[str, Referral]:
    p = world.people
    made = {"draft": _referral(world, case)}
    for name in ["sent", "accepted", "in_progress", "closed", "declined", "withdrawn", "stopped", "handed_over"]:
        referral = _referral(world, case)
        services.referral_send(referral=referral, actor=p.fatima)
        if name in ("accepted", "in_progress", "closed", "handed_over"):
            services.referral_accept(referral=referral, actor=p.kees)
        if name in ("in_progress", "closed", "handed_over"):
            services.referral_record_first_contact(
                referral=referral, actor=p.kees, on=timezone.localdate(), way="phone"
            )
        if name == "closed":
            services.referral_close(referral=referral, actor=p.kees, outcome="helped", note="Regeling.")
        if name == "declined":
            services.referral_decline(referral=referral, actor=p.kees, reason="no_capacity", note="Vol.")
        if name == "withdrawn":
            services.referral_withdraw(referral=referral, actor=p.fatima)
        if name == "stopped":
            services.referral_stop(referral=referral, actor=p.priya)
        if name == "handed_over":
            child = services.referral_forward(
                referral=referral,
                actor=p.kees,
                service=world.services.taalmaatje,
                summary="Wil Nederlands leren.",
                categories=[world.categories.taal],
                shared_data=["contact"],
            )
            services.referral_accept(referral=child, actor=p.anouk)
            made["forwarded_child"] = child
        made[name] = referral
    for referral in made.values():
        referral.refresh_from_db()
    return made


@pytest.fixture
def leaver(world):
    """Joost left the Kredietbank yesterday: his membership ended, his account is still active."""
    user = world.people.kees2
    Membership.objects.filter(user=user).update(valid_until=timezone.localdate() - timedelta(days=1))
    forget_actor(user)  # memberships are kept on the user object
    return user


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_check_and_the_list_filter_agree_for_every_state(world, case, persona):
    referrals = _in_every_state(world, case)
    assert {r.state for r in referrals.values()} == set(State.values)
    if persona == "anonymous":
        actor = ANONYMOUS
    elif persona == "colleague":  # intake at the Kredietbank, not the assignee
        actor = actor_for(member(UserFactory(username="lotte"), world.orgs.kredietbank, Role.INTAKE))
    elif persona == "leaver":  # Kees, the assignee, left the Kredietbank yesterday; his grants remain
        Membership.objects.filter(user=world.people.kees).update(valid_until=timezone.localdate() - timedelta(days=1))
        forget_actor(world.people.kees)  # memberships are kept on the user object
        actor = actor_for(world.people.kees)
    else:
        actor = actor_for(getattr(world.people, persona))

    listed = set(referral_policy.filter(actor, Referral.objects.all()).values_list("pk", flat=True))
    for label, referral in referrals.items():
        sees = referral_policy.sees(actor, referral)
        assert sees == (referral.pk in listed), f"{persona} on the {label} referral: check {sees}, list {not sees}"
        fields = referral_policy.visible_fields(actor, referral)
        assert bool(fields) == sees and fields in (frozenset(), METADATA_FIELDS, HISTORY_FIELDS, ALL_FIELDS), (
            persona,
            label,
        )
        for action in ACTIONS:
            if referral_policy.can(actor, action, referral):
                assert sees or action == "stop", f"{persona} may {action} the {label} referral without seeing it"
                assert referral.state in source_states(action), (persona, action, label)
                if action != "stop":
                    organisation = (
                        referral.from_organisation_id
                        if action in {"send", "edit_draft", "withdraw"}
                        else referral.to_organisation_id
                    )
                    assert actor.acting_role(organisation, action), (persona, action, label)

    listed_cases = set(case_policy.filter(actor, Case.objects.all()).values_list("pk", flat=True))
    for some_case in Case.objects.all():
        assert case_policy.sees(actor, some_case) == (some_case.pk in listed_cases), persona


def test_leavers_and_people_without_a_case_role_see_nothing(world, case, leaver):
    referrals = _in_every_state(world, case)
    for user in [leaver, world.people.priya, world.people.bea, world.people.sami, world.people.petra, world.people.bas]:
        actor = actor_for(user)
        assert not referral_policy.filter(actor, Referral.objects.all()).exists(), user
        assert not any(referral_policy.sees(actor, r) for r in referrals.values()), user
        assert not case_policy.filter(actor, Case.objects.all()).exists(), user


def test_an_assignee_whose_membership_ended_loses_the_referral_despite_the_grant(world, case):
    referral = _in_every_state(world, case)["in_progress"]
    kees = world.people.kees
    assert referral_policy.visible_fields(actor_for(kees), referral) == ALL_FIELDS
    Membership.objects.filter(user=kees).update(valid_until=timezone.localdate() - timedelta(days=1))
    forget_actor(kees)  # memberships are kept on the user object
    assert "handle_referral" in actor_for(kees).grants_on(referral.pk)  # the grant is still there…
    assert not referral_policy.sees(actor_for(kees), referral)  # …but gives nothing without a membership
    assert not referral_policy.filter(actor_for(kees), Referral.objects.filter(pk=referral.pk)).exists()


def test_a_regisseur_who_left_no_longer_sees_the_case(world, case):
    fatima = world.people.fatima
    assert case_policy.sees(actor_for(fatima), case)
    Membership.objects.filter(user=fatima).update(valid_until=timezone.localdate() - timedelta(days=1))
    forget_actor(fatima)  # memberships are kept on the user object
    assert case.regisseur == fatima
    assert not case_policy.sees(actor_for(fatima), case)
    assert not case_policy.filter(actor_for(fatima), Case.objects.all()).exists()


def test_source_states_come_from_the_state_machine():
    assert source_states("accept") == {"sent"}
    assert source_states("withdraw") == {"sent", "accepted"}
    assert source_states("stop") == {"draft", "sent", "accepted", "in_progress"}
    assert source_states("forward") == {"in_progress"}
    assert source_states("assign") == {"sent", "accepted", "in_progress"}
    with pytest.raises(ValueError):
        source_states("fly")
