"""Cases that exist when the age band moves onto the case get their resident's band (0012_age_band)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from referrals.models import Case

BEFORE = [("referrals", "0011_key_check")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets)
    state.clear_delayed_apps_cache()
    return state


@pytest.mark.django_db(transaction=True)
def test_existing_cases_get_the_age_band_of_their_resident(world, case):
    old = _migrate(BEFORE)
    old_case = old.apps.get_model("referrals", "Case")
    assert "age_band" not in {f.name for f in old_case._meta.get_fields()}
    # A resident whose band was set before cases carried one.
    old.apps.get_model("referrals", "Resident").objects.filter(pk=case.resident_id).update(age_band="12-17")
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert Case.objects.get(pk=case.pk).age_band == "12-17"
