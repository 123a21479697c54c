# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Free-text places and walk-in hours become locations and HSDS schedules (directory 0005–0007)."""

from datetime import time

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from directory.models import Schedule, Service

BEFORE = [("directory", "0004_service_target_capacity")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets)
    state.clear_delayed_apps_cache()
    return state


@pytest.mark.django_db(transaction=True)
def test_the_free_text_becomes_locations_and_schedules_and_nothing_typed_is_lost(world):
    old = _migrate(BEFORE)
    OldService = old.apps.get_model("directory", "Service")
    OldService.objects.filter(pk=world.services.schuldhulp.pk).update(
        location="Tuinkamer van Noord (Sporthal de Fluit)", walk_in_hours="di en do 9:00–12:00"
    )
    OldService.objects.filter(pk=world.services.taalmaatje.pk).update(
        location="Bibliotheek aan de Vliet, Fluitpolderplein 5", walk_in_hours="op afspraak"
    )
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    debt = Service.objects.get(pk=world.services.schuldhulp.pk)
    assert debt.location.name == "Tuinkamer van Noord" and debt.location.description == "Sporthal de Fluit"
    (rule,) = Schedule.objects.filter(service=debt)
    assert (rule.freq, rule.byday, rule.opens_at, rule.closes_at) == ("WEEKLY", "TU,TH", time(9), time(12))
    assert rule.location == debt.location
    language = Service.objects.get(pk=world.services.taalmaatje.pk)
    assert (language.location.name, language.location.address_1) == ("Bibliotheek aan de Vliet", "Fluitpolderplein 5")
    (kept,) = Schedule.objects.filter(service=language)
    assert (kept.description, kept.byday) == ("op afspraak", "")
    # Every row got its own UUID.
    assert Service.objects.values("uuid").distinct().count() == Service.objects.count()
