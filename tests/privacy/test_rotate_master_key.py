# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Rotating the master key: values readable before, during, after, and without the old key."""

from io import StringIO

import pytest
from django.core.management import call_command

from referrals.models import Resident, crypto
from referrals.services.keys import data_key_rewrap
from tests.factories import open_case
from tests.privacy.helpers import new_key


@pytest.fixture
def residents(world, settings):
    settings.FIELD_ENCRYPTION_KEYS = new_key("old")
    cases = [
        open_case(
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            family_name=f"Naam{i}",
            birth_year=1960 + i,
            categories=[world.categories.schulden],
        )
        for i in range(6)
    ]
    return [c.resident.pk for c in cases]


def _all_readable(pks):
    return [(r.family_name, r.birth_year) for r in Resident.objects.filter(pk__in=pks).order_by("pk")]


def test_rotation_keeps_every_value_readable_before_during_and_after(residents, settings):
    expected = [(f"Naam{i}", 1960 + i) for i in range(6)]
    old = settings.FIELD_ENCRYPTION_KEYS
    assert _all_readable(residents) == expected

    settings.FIELD_ENCRYPTION_KEYS = f"{new_key('new')},{old}"
    for pk in residents[:3]:  # half rotated, as while the command runs
        data_key_rewrap(pk)
    assert _all_readable(residents) == expected
    key_ids = [
        crypto.wrapped_key_id(w) for w in Resident.objects.order_by("pk").values_list("wrapped_data_key", flat=True)
    ]
    assert key_ids == ["new"] * 3 + ["old"] * 3

    out = StringIO()
    call_command("rotate_master_key", "--batch-size", "2", stdout=out)
    assert "3 data key(s) to re-wrap" in out.getvalue()
    assert "Done: 3 re-wrapped, 0 left" in out.getvalue()
    assert _all_readable(residents) == expected

    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS.split(",")[0]  # the old key is gone
    assert _all_readable(residents) == expected


def test_rotation_does_not_reencrypt_values(residents, settings):
    before = list(Resident.objects.order_by("pk").values_list("family_name_ciphertext", flat=True))
    settings.FIELD_ENCRYPTION_KEYS = f"{new_key('new')},{settings.FIELD_ENCRYPTION_KEYS}"
    call_command("rotate_master_key", stdout=StringIO())
    assert list(Resident.objects.order_by("pk").values_list("family_name_ciphertext", flat=True)) == before


def test_running_the_rotation_twice_changes_nothing_the_second_time(residents, settings):
    settings.FIELD_ENCRYPTION_KEYS = f"{new_key('new')},{settings.FIELD_ENCRYPTION_KEYS}"
    call_command("rotate_master_key", stdout=StringIO())
    wrapped = list(Resident.objects.order_by("pk").values_list("wrapped_data_key", flat=True))
    out = StringIO()
    call_command("rotate_master_key", stdout=out)
    assert "0 data key(s) to re-wrap" in out.getvalue()
    assert list(Resident.objects.order_by("pk").values_list("wrapped_data_key", flat=True)) == wrapped


def test_removing_the_old_key_before_rotating_fails_loudly(residents, settings):
    settings.FIELD_ENCRYPTION_KEYS = new_key("new")
    with pytest.raises(crypto.DecryptionError):
        _all_readable(residents)
    with pytest.raises(crypto.DecryptionError):
        call_command("rotate_master_key", stdout=StringIO())


def test_new_residents_during_rotation_get_the_new_key(world, residents, settings):
    settings.FIELD_ENCRYPTION_KEYS = f"{new_key('new')},{settings.FIELD_ENCRYPTION_KEYS}"
    fresh = open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name="Nieuw",
        categories=[world.categories.schulden],
    ).resident
    assert crypto.wrapped_key_id(Resident.objects.get(pk=fresh.pk).wrapped_data_key) == "new"


def test_erased_residents_are_left_alone(world, residents, settings):
    from referrals.services.subject_rights import resident_erase

    resident_erase(resident=Resident.objects.get(pk=residents[0]), reason="verzoek van de inwoner")
    settings.FIELD_ENCRYPTION_KEYS = f"{new_key('new')},{settings.FIELD_ENCRYPTION_KEYS}"
    out = StringIO()
    call_command("rotate_master_key", stdout=out)
    assert "5 data key(s) to re-wrap" in out.getvalue()
    assert Resident.objects.get(pk=residents[0]).wrapped_data_key == ""


def test_a_resident_loaded_before_the_rotation_does_not_write_the_old_wrapping_back(residents, settings):
    stale = Resident.objects.get(pk=residents[0])
    stale.family_name  # the old wrapping is in memory, its data key unwrapped
    settings.FIELD_ENCRYPTION_KEYS = f"{new_key('new')},{settings.FIELD_ENCRYPTION_KEYS}"
    call_command("rotate_master_key", stdout=StringIO())
    stale.phone = "0600000000"
    stale.save()  # e.g. a rectification that began before the rotation
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS.split(",")[0]
    fresh = Resident.objects.get(pk=residents[0])
    assert crypto.wrapped_key_id(fresh.wrapped_data_key) == "new"
    assert (fresh.family_name, fresh.phone) == ("Naam0", "0600000000")
