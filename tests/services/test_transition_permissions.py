# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every transition × every persona: the allowed ones succeed, all others are refused
with a reason, and a refusal changes nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from referrals import services
from referrals.models import ReferralEvent, State
from referrals.services import ActionRefused

# One persona for every role, a colleague who is not the assignee, an uninvolved
# partner and an anonymous visitor (see tests/conftest.py for who is who).
PERSONAS = ["fatima", "ruud", "kees", "kees2", "marieke", "anouk", "bas", "sami", "priya", "petra", "bea", "anonymous"]

# action: (state the referral must be in, personas allowed)
MATRIX = {
    "send": ("draft", {"fatima"}),
    "withdraw": ("sent", {"fatima"}),
    "accept": ("sent", {"kees", "kees2", "marieke"}),
    "decline": ("sent", {"kees", "kees2", "marieke"}),
    "assign": ("sent", {"marieke"}),
    "record_first_contact": ("accepted", {"kees", "marieke"}),  # kees is the assignee
    "forward": ("in_progress", {"kees", "marieke"}),
    "close": ("in_progress", {"kees", "marieke"}),
    "reopen": ("closed", {"kees", "marieke"}),
    "stop": ("sent", {"priya"}),
}


def bring_to(state, referral, world):
    p = world.people
    if state == "draft":
        return referral
    services.referral_send(referral=referral, actor=p.fatima)
    if state == "sent":
        return referral
    services.referral_accept(referral=referral, actor=p.kees)
    if state == "accepted":
        return referral
    services.referral_record_first_contact(referral=referral, actor=p.kees, on=timezone.localdate(), way="phone")
    if state == "in_progress":
        return referral
    services.referral_close(referral=referral, actor=p.kees, outcome="helped", note="")
    return referral


def run(action, referral, actor, world):
    p, today = world.people, timezone.localdate()
    calls = {
        "send": lambda: services.referral_send(referral=referral, actor=actor),
        "withdraw": lambda: services.referral_withdraw(referral=referral, actor=actor),
        "accept": lambda: services.referral_accept(referral=referral, actor=actor),
        "decline": lambda: services.referral_decline(
            referral=referral, actor=actor, reason="no_capacity", note="Wachtlijst van drie maanden."
        ),
        "assign": lambda: services.referral_assign(referral=referral, actor=actor, assignee=p.kees2),
        "record_first_contact": lambda: services.referral_record_first_contact(
            referral=referral, actor=actor, on=today, way="phone"
        ),
        "forward": lambda: services.referral_forward(
            referral=referral,
            actor=actor,
            service=world.services.taalmaatje,
            summary="Wil Nederlands leren.",
            categories=[world.categories.taal],
        ),
        "close": lambda: services.referral_close(referral=referral, actor=actor, outcome="helped", note=""),
        "reopen": lambda: services.referral_reopen(referral=referral, actor=actor),
        "stop": lambda: services.referral_stop(referral=referral, actor=actor),
    }
    return calls[action]()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", list(MATRIX))
def test_transition_permission_matrix(action, persona, world, draft):
    source, allowed = MATRIX[action]
    referral = bring_to(source, draft, world)
    actor = AnonymousUser() if persona == "anonymous" else getattr(world.people, persona)
    events_before = ReferralEvent.objects.count()

    if persona in allowed:
        run(action, referral, actor, world)
        referral.refresh_from_db()
        if action == "forward":
            # Warm: the parent stays in progress until the next partner accepts.
            assert referral.state == source and referral.children.get().state == State.SENT
        elif action != "assign":
            assert referral.state != source
        assert ReferralEvent.objects.count() > events_before
    else:
        with pytest.raises(ActionRefused) as refused:
            run(action, referral, actor, world)
        assert refused.value.message  # a reason a user can read
        referral.refresh_from_db()
        assert referral.state == source
        assert ReferralEvent.objects.count() == events_before


@pytest.mark.parametrize("action", list(MATRIX))
def test_a_withdrawn_referral_refuses_every_transition_with_a_reason(action, world, draft):
    source, allowed = MATRIX[action]
    actor = getattr(world.people, sorted(allowed)[0])
    bring_to("sent", draft, world)
    services.referral_withdraw(referral=draft, actor=world.people.fatima)
    with pytest.raises(ActionRefused) as refused:
        run(action, draft, actor, world)
    draft.refresh_from_db()
    assert draft.state == "withdrawn"
    if action in {"send", "withdraw", "stop"}:
        # The sender and the privacy officer keep their role: they are told the state.
        assert refused.value.message == "Dit kan niet meer: de verwijzing is nu ‘Ingetrokken’."
    else:
        # The receiving side lost its access with the withdrawal.
        assert refused.value.message.startswith("Alleen ")


def test_stop_is_refused_for_an_ended_referral(world, draft):
    bring_to("sent", draft, world)
    services.referral_decline(referral=draft, actor=world.people.kees, reason="other", note="Past niet.")
    with pytest.raises(ActionRefused, match="Afgewezen"):
        services.referral_stop(referral=draft, actor=world.people.priya)


def test_reopen_is_refused_after_thirty_days(world, draft):
    bring_to("closed", draft, world)
    draft.refresh_from_db()
    type(draft).objects.filter(pk=draft.pk).update(closed_at=timezone.now() - timezone.timedelta(days=31))
    with pytest.raises(ActionRefused, match="30 dagen"):
        services.referral_reopen(referral=draft, actor=world.people.kees)


def test_the_state_field_cannot_be_set_directly(draft):
    with pytest.raises(AttributeError):
        draft.state = State.CLOSED
