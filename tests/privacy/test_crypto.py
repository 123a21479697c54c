# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Field encryption: ciphertext at rest, tampering detected, identity bound, keys required."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from referrals.models import Referral, Resident, crypto
from tests.privacy.helpers import new_key


def test_personal_fields_are_stored_as_ciphertext(case):
    row = Resident.objects.filter(pk=case.resident.pk).values().get()
    for column in ("given_name_ciphertext", "family_name_ciphertext", "birth_year_ciphertext", "phone_ciphertext"):
        assert row[column].startswith("v1:")
    assert "Sanne" not in str(row) and "Jansen" not in str(row) and "0612345678" not in str(row)
    fresh = Resident.objects.get(pk=case.resident.pk)
    assert (fresh.given_name, fresh.family_name, fresh.birth_year, fresh.phone) == (
        "Sanne",
        "Jansen",
        1985,
        "0612345678",
    )


def test_the_same_value_encrypts_differently_each_time(case):
    resident = case.resident
    resident.phone = "0612345678"
    first = resident.phone_ciphertext
    resident.phone = "0612345678"
    assert first != resident.phone_ciphertext  # fresh nonce: equal values do not look equal


def test_tampered_ciphertext_is_detected(case):
    stored = case.resident.family_name_ciphertext
    blob = bytearray(crypto.base64.b64decode(stored[3:]))
    blob[-1] ^= 0x01
    Resident.objects.filter(pk=case.resident.pk).update(
        family_name_ciphertext="v1:" + crypto.base64.b64encode(bytes(blob)).decode()
    )
    with pytest.raises(crypto.DecryptionError):
        Resident.objects.get(pk=case.resident.pk).family_name


@pytest.mark.parametrize("damaged", ["v1:", "v1:AAAA", "v1:not base64!", "plain text"])
def test_damaged_ciphertext_raises_instead_of_returning_empty(case, damaged):
    Resident.objects.filter(pk=case.resident.pk).update(phone_ciphertext=damaged)
    with pytest.raises(crypto.DecryptionError):
        Resident.objects.get(pk=case.resident.pk).phone


def test_a_value_moved_to_another_field_does_not_open(case):
    Resident.objects.filter(pk=case.resident.pk).update(given_name_ciphertext=case.resident.family_name_ciphertext)
    with pytest.raises(crypto.DecryptionError):
        Resident.objects.get(pk=case.resident.pk).given_name


def test_a_value_moved_to_another_residents_row_does_not_open(world, case):
    from tests.factories import open_case

    other = open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name="Pieters",
        categories=[world.categories.schulden],
    ).resident
    Resident.objects.filter(pk=other.pk).update(family_name_ciphertext=case.resident.family_name_ciphertext)
    with pytest.raises(crypto.DecryptionError):
        Resident.objects.get(pk=other.pk).family_name


def test_a_summary_copied_to_another_referral_of_the_same_case_does_not_open(world, draft):
    from referrals import services

    second = services.referral_create(
        case=draft.case,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.taalmaatje,
        summary="Wil beter Nederlands leren.",
        categories=[world.categories.taal],
        shared_data=["contact", "summary", "needs"],
    )
    Referral.objects.filter(pk=second.pk).update(summary_ciphertext=draft.summary_ciphertext)
    with pytest.raises(crypto.DecryptionError):
        Referral.objects.get(pk=second.pk).summary


def test_a_wrong_master_key_fails_loudly(case, settings):
    settings.FIELD_ENCRYPTION_KEYS = new_key("dev1")  # same id, other key
    with pytest.raises(crypto.DecryptionError):
        Resident.objects.get(pk=case.resident.pk).family_name


def test_an_unknown_master_key_id_fails_loudly(case, settings):
    settings.FIELD_ENCRYPTION_KEYS = new_key("other")
    with pytest.raises(crypto.DecryptionError, match="not configured"):
        Resident.objects.get(pk=case.resident.pk).family_name


@pytest.mark.parametrize(
    "raw", ["", " , ", "nokey", "k1:c2hvcnQ=", "k1:%%%%", "k1:" + "A" * 43 + "=,k1:" + "A" * 43 + "="]
)
def test_a_missing_or_malformed_keyring_is_refused(case, settings, raw):
    settings.FIELD_ENCRYPTION_KEYS = raw
    with pytest.raises(ImproperlyConfigured):
        Resident.objects.get(pk=case.resident.pk).family_name


def test_erased_data_raises_rather_than_reading_as_empty(world, case):
    from referrals.services.subject_rights import resident_erase

    resident_erase(resident=case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    resident = Resident.objects.get(pk=case.resident.pk)
    with pytest.raises(crypto.DataErased):
        resident.data_key()
    assert resident.display_name == "[gegevens gewist]"


def test_the_encrypted_columns_of_a_referral_are_read_from_the_model():
    assert crypto.encrypted_columns(Referral) == (
        "summary_ciphertext",
        "legal_basis_justification_ciphertext",
        "decline_note_ciphertext",
        "first_contact_note_ciphertext",
        "outcome_note_ciphertext",
    )


def test_every_ciphertext_column_has_its_encrypted_attribute_and_is_masked_in_the_audit_trail():
    from auditlog.registry import auditlog
    from django.apps import apps

    for model in apps.get_models():
        columns = set(crypto.encrypted_columns(model))
        assert columns == {f.name for f in model._meta.concrete_fields if f.name.endswith("_ciphertext")}, model
        if columns:
            assert columns <= set(auditlog.get_model_fields(model)["mask_fields"]), model
