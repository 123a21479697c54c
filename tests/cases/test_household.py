# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Household members: their own sealed record and their own consent; referrals share none of it."""

import pytest

from referrals import services
from referrals.models import CaseEvent, Resident
from referrals.selectors.cases import household_with_consent
from referrals.services import ActionRefused
from tests.factories import give_consent


def test_the_regisseur_adds_a_member_with_their_own_sealed_record(world, case):
    member = services.household_add(
        case=case, actor=world.people.fatima, given_name="Noor", family_name="Jansen", birth_year=2012, phone="0611"
    )
    row = Resident.objects.filter(pk=member.pk).values("given_name_ciphertext", "wrapped_data_key").get()
    assert "Noor" not in row["given_name_ciphertext"] and row["wrapped_data_key"]
    assert member.data_key() != case.resident.data_key()
    fresh = Resident.objects.get(pk=member.pk)
    assert (fresh.given_name, fresh.family_name, fresh.birth_year) == ("Noor", "Jansen", 2012)
    assert list(case.household.all()) == [member]
    assert CaseEvent.objects.filter(case=case, name=CaseEvent.Name.MEMBER_ADDED).exists()


def test_a_member_has_no_consent_until_their_own_is_recorded(world, case):
    member = services.household_add(case=case, actor=world.people.fatima, given_name="Noor", family_name="Jansen")
    # The hulpvrager's consent (given in the fixture) does not cover the member.
    assert household_with_consent(case) == [(member, False)]


def test_removing_a_member_keeps_their_record_until_retention(world, case):
    member = services.household_add(case=case, actor=world.people.fatima, given_name="Noor", family_name="Jansen")
    services.household_remove(case=case, actor=world.people.fatima, member=member)
    assert not case.household.exists()
    assert Resident.objects.filter(pk=member.pk).exists()
    with pytest.raises(ActionRefused, match="hoort niet \\(meer\\) bij het gezin"):
        services.household_remove(case=case, actor=world.people.fatima, member=member)


def test_a_member_needs_a_name(world, case):
    with pytest.raises(ActionRefused, match="Vul minstens") as refused:
        services.household_add(case=case, actor=world.people.fatima, given_name=" ", family_name="")
    assert refused.value.field == "family_name"
    assert not case.household.exists()


def test_the_hulpvragers_own_consent_is_not_a_members(world, case):
    give_consent(
        case=case, actor=world.people.fatima, organisation=world.orgs.waterlelie, recipients=[world.orgs.taalhuis]
    )
    member = services.household_add(case=case, actor=world.people.fatima, given_name="Noor", family_name="Jansen")
    [(listed, has_consent)] = household_with_consent(case)
    assert listed == member and has_consent is False


def test_a_member_gives_their_own_consent_which_never_covers_a_referral(world, case):
    from referrals.services.consent_check import covering_consent

    p, o = world.people, world.orgs
    member = services.household_add(case=case, actor=p.fatima, given_name="Noor", family_name="Jansen")
    consent = give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.woej], resident=member)
    assert consent.resident == member
    assert household_with_consent(case) == [(member, True)]
    # The hulpvrager's referrals rest on the hulpvrager's consent only: the member's does not reach Woej.
    with pytest.raises(ActionRefused, match="noemt Woej niet als ontvanger"):
        covering_consent(case.resident, o.woej, ["contact"])


def test_consent_is_only_for_the_cases_own_household(world, case):
    from tests.factories import open_case

    p, o = world.people, world.orgs
    other = open_case(actor=p.fatima, organisation=o.waterlelie, family_name="Anders")
    with pytest.raises(ActionRefused, match="hoort niet \\(meer\\) bij het gezin"):
        give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.woej], resident=other.resident)
