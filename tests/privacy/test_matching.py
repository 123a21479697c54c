# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Recognising a known resident by keyed hash: the normalisation, and what the warning reveals."""

import pytest

from referrals import services
from referrals.models import Case, Resident
from referrals.models.matching import match_hash, normalise_family_name
from tests.factories import open_case
from tests.privacy.helpers import new_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("van der Berg", "Berg"),
        ("Berg, van der", "van der Berg"),
        ("VAN DER BERG", "van der berg"),
        ("Van den Berg", "Berg"),
        ("Özdemir", "Ozdemir"),
        ("Yılmaz", "Yilmaz"),
        ("Sørensen", "Sorensen"),
        ("Straße", "Strasse"),
        ("’t Hart", "Hart"),
        ("de Vries ", " De  Vries"),
        ("El Amrani", "Amrani"),
        ("Jansen-de Vries", "Jansen de Vries"),
    ],
)
def test_spellings_of_the_same_family_name_match(a, b):
    assert normalise_family_name(a) == normalise_family_name(b)
    assert match_hash(a, 1985) == match_hash(b, 1985)


@pytest.mark.parametrize(("a", "b"), [("Berg", "Bergen"), ("Jansen", "Janssen"), ("Jansen-de Vries", "Jansen")])
def test_different_family_names_do_not_match(a, b):
    assert match_hash(a, 1985) != match_hash(b, 1985)


def test_a_name_that_is_only_a_prefix_word_is_kept():
    assert normalise_family_name("De") == "de"


def test_birth_year_is_part_of_the_match():
    assert match_hash("Jansen", 1985) != match_hash("Jansen", 1986)


def test_no_hash_without_name_or_year():
    assert match_hash("", 1985) == "" and match_hash("Jansen", None) == ""


def test_the_hash_is_keyed(settings):
    before = match_hash("Jansen", 1985)
    settings.RESIDENT_MATCH_KEY = "another-key"
    assert match_hash("Jansen", 1985) != before
    assert "jansen" not in before


def test_an_open_case_is_found_by_another_spelling(world):
    case = open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name="van der Berg",
        birth_year=1990,
        categories=[world.categories.schulden],
    )
    found = services.possible_existing_case(family_name="BERG", birth_year=1990)
    assert found == case
    assert found.regisseur == world.people.fatima


def test_finding_a_case_decrypts_nothing(world, settings):
    open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name="Berg",
        birth_year=1990,
        categories=[world.categories.schulden],
    )
    # With a master key that opens nothing, a lookup that decrypted would fail.
    settings.FIELD_ENCRYPTION_KEYS = new_key("unrelated")
    found = services.possible_existing_case(family_name="van der Berg", birth_year=1990)
    assert found.regisseur.username == "fatima"
    assert found.regisseur_organisation == world.orgs.waterlelie


def test_the_warning_names_the_regisseur_and_nothing_of_the_resident(world):
    open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name="Berg",
        birth_year=1990,
        given_name="Wilhelmina",
        phone="0687654321",
        categories=[world.categories.schulden],
    )
    found = services.possible_existing_case(family_name="Berg", birth_year=1990)
    # What a page may show about the match: the regisseur and their organisation.
    shown = f"{found.regisseur.get_full_name()} {found.regisseur_organisation} {found}"
    assert "Wilhelmina" not in shown and "0687654321" not in shown and "Berg" not in shown


def test_a_closed_or_erased_case_is_not_offered(world):
    from referrals.services.subject_rights import resident_erase

    case = open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name="Berg",
        birth_year=1990,
        categories=[world.categories.schulden],
    )
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    assert services.possible_existing_case(family_name="Berg", birth_year=1990) is None
    Case.objects.filter(pk=case.pk).update(status=Case.Status.OPEN)
    resident_erase(resident=case.resident, reason="verzoek van de inwoner")
    assert services.possible_existing_case(family_name="Berg", birth_year=1990) is None
    assert Resident.objects.get(pk=case.resident.pk).match_hash == ""


def test_an_unknown_resident_is_not_found(world, case):
    assert services.possible_existing_case(family_name="Pieters", birth_year=1985) is None
