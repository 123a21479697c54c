# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Rectification: corrected values, a new match hash, the reason recorded, no values in the audit trail."""

import pytest

from audit.models import AuditEntry
from referrals import services
from referrals.models import Resident, SubjectRequest
from referrals.models.matching import match_hash
from referrals.services.subject_rights import resident_rectify


def test_rectification_changes_the_values_and_records_the_fields(world, case):
    changed = resident_rectify(
        resident=case.resident,
        actor=world.people.fatima,
        reason="verzoek van de inwoner",
        changes={"phone": "0699999999", "birth_year": 1986, "given_name": "Sanne"},
    )
    assert changed == ["birth_year", "phone"]
    resident = Resident.objects.get(pk=case.resident.pk)
    assert (resident.phone, resident.birth_year) == ("0699999999", 1986)
    assert resident.match_hash == match_hash("Jansen", 1986)
    request = SubjectRequest.objects.get(resident=resident)
    assert (request.kind, request.fields, request.reason) == (
        SubjectRequest.Kind.RECTIFICATION,
        ["birth_year", "phone"],
        "verzoek van de inwoner",
    )


def test_the_audit_entry_names_the_change_but_not_the_values(world, case):
    resident_rectify(
        resident=case.resident,
        actor=world.people.fatima,
        reason="verzoek van de inwoner",
        changes={"phone": "0699999999"},
    )
    entry = AuditEntry.objects.filter(pseudonym=case.resident.pseudonym, content_type__model="resident").latest("pk")
    assert entry.actor == world.people.fatima and entry.processing_activity == "subject_rights"
    assert entry.reason == "correctie op verzoek" and entry.role == "regisseur"
    assert entry.changes["phone_ciphertext"] == ["[afgeschermd]", "[afgeschermd]"]
    assert "0699999999" not in str(entry.changes) and "0612345678" not in str(entry.changes)


def test_a_corrected_name_is_found_under_the_new_name(world, case):
    resident_rectify(
        resident=case.resident,
        actor=world.people.fatima,
        reason="naam na huwelijk",
        changes={"family_name": "de Groot"},
    )
    assert services.possible_existing_case(family_name="Groot", birth_year=1985) == case
    assert services.possible_existing_case(family_name="Jansen", birth_year=1985) is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"phone": "", "email": ""}, "phone"),
        ({"given_name": "", "family_name": ""}, "family_name"),
        ({"birth_year": 1700}, "birth_year"),
        ({"birth_year": "negentien"}, "birth_year"),
    ],
)
def test_rectification_keeps_the_minimum_needed(world, case, changes, field):
    with pytest.raises(services.ActionRefused) as refused:
        resident_rectify(resident=case.resident, actor=world.people.fatima, reason="verzoek", changes=changes)
    assert refused.value.field == field


def test_rectification_needs_a_reason_and_a_change(world, case):
    with pytest.raises(services.ActionRefused):
        resident_rectify(resident=case.resident, actor=world.people.fatima, reason="", changes={"phone": "06"})
    with pytest.raises(services.ActionRefused):
        resident_rectify(
            resident=case.resident, actor=world.people.fatima, reason="verzoek", changes={"phone": "0612345678"}
        )


@pytest.mark.parametrize("persona", ["kees", "bas", "priya", "bea"])
def test_only_the_regisseur_may_rectify(world, case, persona):
    with pytest.raises(services.ActionRefused):
        resident_rectify(
            resident=case.resident,
            actor=getattr(world.people, persona),
            reason="verzoek",
            changes={"phone": "0699999999"},
        )


def test_a_corrected_birth_year_moves_the_age_band_the_lists_show(world, case):
    from referrals.models import Case

    assert Case.objects.get(pk=case.pk).age_band == "27-66"
    resident_rectify(
        resident=case.resident,
        actor=world.people.fatima,
        reason="geboortejaar verkeerd overgenomen",
        changes={"birth_year": 2012},
    )
    assert Case.objects.get(pk=case.pk).age_band == "12-17"
