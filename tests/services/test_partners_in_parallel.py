# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Issue 13: partners helping one household at the same time, the forwarder's own history, and
the resident who cannot be reached."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.selectors.actor import actor_for
from audit.models import AuditEntry
from policies.referrals import ALL_FIELDS, HISTORY_FIELDS, referral_policy
from referrals import services
from referrals.models import ContactAttempt, EventName, FollowUp, Notification, Outcome, State
from referrals.selectors.referrals import visible_referrals
from referrals.services import ActionRefused


@pytest.fixture
def in_progress(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="walk_in")
    return draft


def refer_taalhuis(world, referral, *, in_addition=True, actor=None):
    refer = services.referral_refer_in_addition if in_addition else services.referral_forward
    return refer(
        referral=referral,
        actor=actor or world.people.kees,
        service=world.services.taalmaatje,
        summary="Wil Nederlands leren om brieven te kunnen lezen.",
        categories=[world.categories.taal],
    )


# --- Erbij verwijzen -------------------------------------------------------------------------


def test_referring_in_addition_keeps_the_first_partner_helping_after_the_second_accepts(world, in_progress):
    sibling = refer_taalhuis(world, in_progress)
    assert sibling.in_addition and sibling.parent == in_progress and sibling.case == in_progress.case
    services.referral_accept(referral=sibling, actor=world.people.anouk)

    in_progress.refresh_from_db()
    assert in_progress.state == State.IN_PROGRESS  # not handed over
    assert referral_policy.visible_fields(actor_for(world.people.kees), in_progress) == ALL_FIELDS
    assert visible_referrals(world.people.anouk).filter(pk=sibling.pk).exists()


def test_both_partners_end_with_their_own_outcome(world, in_progress):
    p = world.people
    sibling = refer_taalhuis(world, in_progress)
    services.referral_accept(referral=sibling, actor=p.anouk)
    services.referral_record_first_contact(referral=sibling, actor=p.anouk, on=timezone.localdate(), way="phone")

    services.referral_close(referral=in_progress, actor=p.kees, outcome="helped", note="Betalingsregeling.")
    services.referral_close(referral=sibling, actor=p.anouk, outcome="partly_helped", note="Op de wachtlijst.")
    in_progress.refresh_from_db()
    sibling.refresh_from_db()
    assert (in_progress.state, in_progress.outcome) == (State.CLOSED, Outcome.HELPED)
    assert (sibling.state, sibling.outcome) == (State.CLOSED, Outcome.PARTLY_HELPED)


def test_the_regisseur_is_told_a_second_partner_joins_without_personal_data(world, in_progress):
    sibling = refer_taalhuis(world, in_progress)
    told = Notification.objects.get(recipient=in_progress.case.regisseur, kind=Notification.Kind.IN_ADDITION)
    assert told.referral == sibling
    assert "Taalmaatje" in told.message and "Wil Nederlands" not in told.message
    assert in_progress.events.filter(name=EventName.REFER_IN_ADDITION).exists()


def test_referring_in_addition_needs_consent_for_the_next_partner(world, in_progress):
    with pytest.raises(ActionRefused, match="Woej"):
        services.referral_refer_in_addition(
            referral=in_progress,
            actor=world.people.kees,
            service=world.services.woej,
            summary="Buurtkamer.",
            categories=[world.categories.schulden],
        )
    assert in_progress.children.count() == 0


def test_a_second_referral_to_the_same_service_is_refused_while_the_first_runs(world, in_progress):
    refer_taalhuis(world, in_progress)
    with pytest.raises(ActionRefused, match="loopt al een verwijzing"):
        refer_taalhuis(world, in_progress)
    assert in_progress.children.count() == 1


def test_a_pending_referral_in_addition_does_not_block_a_hand_over(world, in_progress):
    refer_taalhuis(world, in_progress)
    in_progress.refresh_from_db()
    assert not in_progress.has_pending_child
    assert referral_policy.refusal(actor_for(world.people.kees), "forward", in_progress) is None


def test_a_declined_referral_in_addition_tells_the_first_partner(world, in_progress):
    sibling = refer_taalhuis(world, in_progress)
    services.referral_decline(referral=sibling, actor=world.people.anouk, reason="no_capacity", note="Vol.")
    told = Notification.objects.get(recipient=world.people.kees, kind=Notification.Kind.FORWARD_DECLINED)
    assert "erbij" in told.message and told.referral == in_progress


@pytest.mark.parametrize("persona", ["fatima", "ruud", "anouk", "bas", "priya", "petra", "sami", "kees2"])
def test_only_the_handler_or_coordinator_refers_in_addition(world, in_progress, persona):
    with pytest.raises(ActionRefused):
        refer_taalhuis(world, in_progress, actor=getattr(world.people, persona))
    assert in_progress.children.count() == 0


def test_the_coordinator_may_refer_in_addition(world, in_progress):
    sibling = refer_taalhuis(world, in_progress, actor=world.people.marieke)
    assert sibling.from_user == world.people.marieke


# --- The forwarder's own history -------------------------------------------------------------


def test_after_a_hand_over_the_forwarder_reads_its_own_part_and_no_resident_data(world, in_progress):
    child = refer_taalhuis(world, in_progress, in_addition=False)
    services.referral_accept(referral=child, actor=world.people.anouk)
    in_progress.refresh_from_db()
    assert in_progress.state == State.HANDED_OVER
    for persona in ("kees", "marieke"):
        fields = referral_policy.visible_fields(actor_for(getattr(world.people, persona)), in_progress)
        assert fields == HISTORY_FIELDS
        assert {"first_contact", "outcome_note"} <= fields
        assert not {"resident_name", "contact", "summary", "preferred_language"} & fields
    # An intake colleague who never handled it: only the organisation's coordinator and the handler.
    assert referral_policy.visible_fields(actor_for(world.people.kees2), in_progress) < HISTORY_FIELDS


def test_the_forwarder_closes_its_own_part_with_an_outcome_once(world, in_progress):
    child = refer_taalhuis(world, in_progress, in_addition=False)
    with pytest.raises(ActionRefused, match="nu ‘In behandeling’"):
        services.referral_record_outcome(referral=in_progress, actor=world.people.kees, outcome="helped", note="")
    services.referral_accept(referral=child, actor=world.people.anouk)

    services.referral_record_outcome(
        referral=in_progress, actor=world.people.kees, outcome="partly_helped", note="Budgetplan gemaakt."
    )
    in_progress.refresh_from_db()
    assert (in_progress.state, in_progress.outcome) == (State.HANDED_OVER, Outcome.PARTLY_HELPED)
    assert in_progress.outcome_note == "Budgetplan gemaakt."
    with pytest.raises(ActionRefused, match="al vastgelegd"):
        services.referral_record_outcome(referral=in_progress, actor=world.people.kees, outcome="helped", note="")


def test_the_forwarders_outcome_is_one_of_its_own_work(world, in_progress):
    child = refer_taalhuis(world, in_progress, in_addition=False)
    services.referral_accept(referral=child, actor=world.people.anouk)
    for outcome in ("", "handed_over", "not_reachable", "nonsense"):
        with pytest.raises(ActionRefused, match="uitkomst"):
            services.referral_record_outcome(referral=in_progress, actor=world.people.kees, outcome=outcome, note="")


# --- Niet bereikt ----------------------------------------------------------------------------


@pytest.fixture
def accepted(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    services.referral_accept(referral=draft, actor=world.people.kees)
    return draft


def attempt(world, referral, days_ago=0, way="phone", note="Voicemail ingesproken."):
    return services.referral_record_attempt(
        referral=referral,
        actor=world.people.kees,
        on=timezone.localdate() - timedelta(days=days_ago),
        way=way,
        note=note,
    )


def test_niet_bereikt_only_after_the_services_agreed_attempts(world, accepted):
    assert accepted.service.contact_attempts == 3
    attempt(world, accepted)
    attempt(world, accepted, way="home_visit")
    with pytest.raises(ActionRefused, match="na 3 contactpogingen; er zijn er 2"):
        services.referral_close_unreachable(referral=accepted, actor=world.people.kees)
    attempt(world, accepted)

    services.referral_close_unreachable(referral=accepted, actor=world.people.kees)
    accepted.refresh_from_db()
    assert (accepted.state, accepted.outcome) == (State.CLOSED, Outcome.NOT_REACHABLE)


def test_niet_bereikt_tells_the_referrer_and_the_regisseur_and_gives_each_a_follow_up(world, accepted):
    accepted.service.contact_attempts = 1
    accepted.service.save()
    attempt(world, accepted)
    services.referral_close_unreachable(referral=accepted, actor=world.people.kees)
    people = {accepted.from_user, accepted.case.regisseur}
    told = Notification.objects.filter(referral=accepted, kind=Notification.Kind.NOT_REACHED)
    assert {n.recipient for n in told} == people
    assert all("Voicemail" not in n.message for n in told)
    follow_ups = FollowUp.objects.filter(referral=accepted, due_on__gt=timezone.localdate())
    assert {f.owner for f in follow_ups} >= people


def test_attempt_notes_are_encrypted_and_masked_in_the_audit_trail(world, accepted):
    made = attempt(world, accepted, note="Geen gehoor")
    row = ContactAttempt.objects.values("note_ciphertext").get(pk=made.pk)
    assert "Geen gehoor" not in row["note_ciphertext"]
    assert ContactAttempt.objects.get(pk=made.pk).note == "Geen gehoor"
    entry = AuditEntry.objects.filter(changes__has_key="note_ciphertext").last()
    assert entry is not None and "Geen gehoor" not in str(entry.changes)


def test_an_attempt_cannot_be_in_the_future_or_before_sending(world, accepted):
    with pytest.raises(ActionRefused, match="toekomst"):
        attempt(world, accepted, days_ago=-1)
    with pytest.raises(ActionRefused, match="vóór het versturen"):
        attempt(world, accepted, days_ago=30)
    assert accepted.contact_attempts.count() == 0


def test_attempts_are_recorded_only_while_accepted_and_only_by_the_receiving_side(world, accepted):
    with pytest.raises(ActionRefused):
        services.referral_record_attempt(
            referral=accepted, actor=world.people.fatima, on=timezone.localdate(), way="phone"
        )
    services.referral_record_first_contact(
        referral=accepted, actor=world.people.kees, on=timezone.localdate(), way="phone"
    )
    with pytest.raises(ActionRefused, match="nu ‘In behandeling’"):
        attempt(world, accepted)


def test_first_contact_keeps_an_optional_encrypted_note(world, accepted):
    services.referral_record_first_contact(
        referral=accepted, actor=world.people.kees, on=timezone.localdate(), way="phone", note="Afspraak dinsdag."
    )
    accepted.refresh_from_db()
    assert accepted.first_contact_note == "Afspraak dinsdag."
    assert "Afspraak" not in accepted.first_contact_note_ciphertext


def test_the_processing_register_states_what_the_forwarder_keeps(world, client):
    from policies.register import ACTIVITIES

    referral = ACTIVITIES["referral"]
    assert "eigen deel" in referral.recipients and "zonder gegevens van de inwoner" in referral.recipients
    client.force_login(world.people.priya)
    assert "houdt de overdragende partner" in client.get("/privacy/register/").content.decode()
