# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The signal's steps through the services: sealed at rest, the rules enforced, every step audited."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import Membership
from audit.models import AuditEntry
from policies.roles import Role
from policies.signals import SignalStatus
from referrals.models import Case, crypto
from referrals.services import possible_existing_case
from referrals.services.errors import ActionRefused
from signals.models import Signal
from signals.services.signallers import signaller_account_create
from signals.services.signals import (
    signal_add_information,
    signal_close,
    signal_open_case,
    signal_pick_up,
)
from tests.signals.helpers import CONCERN, desk_people, hand_in, make_desk, second_desk


def _raw(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - a fixed table name
        return repr(cursor.fetchall())


def test_a_signal_is_sealed_at_rest_with_its_own_resident_key_and_never_matched(world):
    make_desk(world.orgs.waterlelie)
    signal = hand_in(world, contact_name="mevrouw Oosterhuis", phone="0687654321")
    raw = _raw("signals_signal") + _raw("referrals_resident")
    assert CONCERN not in raw and "Oosterhuis" not in raw and "0687654321" not in raw
    fresh = Signal.objects.select_related("resident").get(pk=signal.pk)
    assert fresh.concern == CONCERN and fresh.resident.phone == "0687654321"
    assert fresh.resident.match_hash == "" and fresh.resident.cases.count() == 0
    assert possible_existing_case(family_name="Oosterhuis", birth_year=None) is None


def test_without_the_residents_agreement_no_way_to_reach_them_is_kept(world):
    signal = hand_in(world, agreed=False, contact_name="mevrouw B.", phone="0612121212")
    resident = Signal.objects.select_related("resident").get(pk=signal.pk).resident
    assert (resident.given_name, resident.phone, resident.email) == ("", "", "")
    assert not signal.resident_agreed_to_contact


def test_with_agreement_a_name_and_a_phone_or_email_are_required(world):
    with pytest.raises(ActionRefused) as refused:
        hand_in(world, agreed=True, contact_name="mevrouw B.", phone="")
    assert refused.value.field == "phone"
    with pytest.raises(ActionRefused) as refused:
        hand_in(world, agreed=True, contact_name="", phone="0612121212")
    assert refused.value.field == "contact_name"
    with pytest.raises(ActionRefused):
        hand_in(world, categories=[])
    assert not Signal.objects.exists()


def test_only_a_signaller_hands_in_and_only_for_their_organisation(world):
    for user in (world.people.fatima, world.people.kees, world.people.priya, world.people.petra):
        with pytest.raises(ActionRefused):
            hand_in(world, actor=user)
    with pytest.raises(ActionRefused):
        hand_in(world, organisation=world.orgs.woej)  # Sami signals for the Kredietbank only
    assert not Signal.objects.exists()


def test_the_signaller_adds_information_until_the_signal_is_picked_up(world):
    make_desk(world.orgs.waterlelie)
    signal = hand_in(world)
    addition = signal_add_information(signal=signal, actor=world.people.sami, text="Er zijn ook kinderen.")
    assert addition.text == "Er zijn ook kinderen." and "kinderen" not in _raw("signals_signaladdition")
    with pytest.raises(ActionRefused):
        signal_add_information(signal=signal, actor=world.people.kees, text="Iets anders.")
    signal_pick_up(signal=signal, actor=world.people.fatima, organisation=world.orgs.waterlelie)
    with pytest.raises(ActionRefused):
        signal_add_information(signal=signal, actor=world.people.sami, text="Nog iets.")
    assert signal.additions.count() == 1


def test_one_desk_picks_a_signal_up_and_the_other_is_refused(world):
    desk_people(world)
    dirk, servicepunt = second_desk()
    signal = hand_in(world)
    signal_pick_up(signal=signal, actor=world.people.fatima, organisation=world.orgs.waterlelie)
    with pytest.raises(ActionRefused):
        signal_pick_up(signal=signal, actor=dirk, organisation=servicepunt)
    with pytest.raises(ActionRefused):  # not a desk: the Kredietbank
        signal_pick_up(signal=hand_in(world), actor=world.people.kees, organisation=world.orgs.kredietbank)
    signal.refresh_from_db()
    assert (signal.status, signal.picked_up_by_organisation_id) == (SignalStatus.PICKED_UP, world.orgs.waterlelie.pk)


def test_opening_a_case_from_a_signal_uses_case_open_and_erases_the_signal(world):
    ilse, _cor = desk_people(world)
    signal = hand_in(world)
    signal_pick_up(signal=signal, actor=ilse, organisation=world.orgs.waterlelie)
    fields = {
        "given_name": "Bea",
        "family_name": "Bakker",
        "birth_year": 1970,
        "phone": "0612121212",
        "categories": [world.categories.schulden],
    }
    with pytest.raises(ActionRefused):  # intake only: a referrer opens cases
        signal_open_case(signal=signal, actor=ilse, **fields)
    case = signal_open_case(signal=signal, actor=world.people.fatima, **fields)
    assert case.opened_by_organisation == world.orgs.waterlelie and case.resident.family_name == "Bakker"
    signal = Signal.objects.select_related("resident").get(pk=signal.pk)
    assert signal.status == SignalStatus.CASE_OPENED and signal.case == case
    assert signal.erased_at is not None and signal.concern_ciphertext == ""
    assert signal.resident.erased_at is not None and signal.resident.wrapped_data_key == ""
    with pytest.raises(crypto.DataErased):
        _ = signal.concern
    assert Case.objects.get(pk=case.pk).resident.display_name == "Bea Bakker"  # the case keeps its own data


def test_closing_needs_a_reason_from_the_list(world):
    make_desk(world.orgs.waterlelie)
    signal = signal_pick_up(signal=hand_in(world), actor=world.people.fatima, organisation=world.orgs.waterlelie)
    with pytest.raises(ActionRefused):
        signal_close(signal=signal, actor=world.people.fatima, reason="Mevrouw B. wil niet")
    signal = signal_close(signal=signal, actor=world.people.fatima, reason="declined")
    assert (signal.status, signal.close_reason) == (SignalStatus.CLOSED, "declined")
    with pytest.raises(ActionRefused):
        signal_close(signal=signal, actor=world.people.fatima, reason="declined")


def test_every_step_is_audited_under_the_signals_activity_without_values(world):
    make_desk(world.orgs.waterlelie)
    before = AuditEntry.objects.count()
    signal = hand_in(world)
    signal_add_information(signal=signal, actor=world.people.sami, text="Er zijn ook kinderen.")
    signal_pick_up(signal=signal, actor=world.people.fatima, organisation=world.orgs.waterlelie)
    signal_close(signal=signal, actor=world.people.fatima, reason="no_contact")
    entries = list(AuditEntry.objects.order_by("pk")[before:])
    signal_entries = [e for e in entries if e.content_type.model in ("signal", "signaladdition", "resident")]
    assert signal_entries and all(e.processing_activity == "signals" for e in signal_entries)
    assert {e.reason for e in signal_entries} >= {
        "signaal ingediend",
        "signaal aangevuld",
        "signaal opgepakt",
        "signaal afgesloten",
    }
    pseudonym = Signal.objects.select_related("resident").get(pk=signal.pk).resident.pseudonym
    assert all(e.pseudonym == pseudonym for e in signal_entries)
    text = repr([(e.changes, e.reason, e.object_repr) for e in entries])
    assert CONCERN not in text and "kinderen" not in text and "0612121212" not in text and "mevrouw B." not in text
    roles = {(e.reason, e.role) for e in signal_entries}
    assert ("signaal ingediend", Role.SIGNALLER) in roles and ("signaal opgepakt", Role.REFERRER) in roles


def test_a_coordinator_of_a_signal_desk_creates_a_signaller_whose_access_runs_out(world):
    _ilse, cor = desk_people(world)
    membership = signaller_account_create(
        by=cor,
        organisation=world.orgs.waterlelie,
        username="yonas",
        first_name="Yonas",
        email="",
        password="een lang wachtwoord voor Yonas",
    )
    today = timezone.localdate()
    assert membership.role == Role.SIGNALLER and membership.confirmed_at is not None
    assert today + timedelta(days=360) < membership.valid_until <= today + timedelta(days=366)
    assert membership.user.check_password("een lang wachtwoord voor Yonas")
    with pytest.raises(ActionRefused):  # at most twelve months
        signaller_account_create(
            by=cor,
            organisation=world.orgs.waterlelie,
            username="yonas2",
            first_name="Y",
            email="",
            password="een lang wachtwoord voor Yonas",
            valid_until=today + timedelta(days=400),
        )
    with pytest.raises(ActionRefused):  # a coordinator of an organisation that is no signal desk
        signaller_account_create(
            by=world.people.marieke,
            organisation=world.orgs.kredietbank,
            username="yonas3",
            first_name="Y",
            email="",
            password="een lang wachtwoord voor Yonas",
        )
    with pytest.raises(ActionRefused):  # the intake worker of the desk
        signaller_account_create(
            by=_ilse,
            organisation=world.orgs.waterlelie,
            username="yonas4",
            first_name="Y",
            email="",
            password="een lang wachtwoord voor Yonas",
        )
    assert Membership.objects.filter(role=Role.SIGNALLER, user__username__startswith="yonas").count() == 1


def test_a_signaller_membership_made_by_an_administrator_runs_out_after_twelve_months(world):
    from accounts.services.memberships import membership_grant
    from tests.factories import UserFactory, administrator

    bea = administrator(world.people.bea)
    membership = membership_grant(
        user=UserFactory(username="vidomes-medewerker"), organisation=world.orgs.woej, role=Role.SIGNALLER, by=bea
    )
    assert membership.valid_until is not None
    assert membership.valid_until <= timezone.localdate() + timedelta(days=366)
