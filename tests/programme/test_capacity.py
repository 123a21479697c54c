# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Capacity: a coordinator marks a service wachtlijst or vol; referrers see it before they send."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from directory.models import Capacity, Service
from directory.services.capacity import service_set_capacity
from referrals.services import ActionRefused


def test_the_coordinator_marks_a_waiting_list_and_the_wegwijzer_and_referral_form_show_it(world, client, case):
    client.force_login(world.people.marieke)
    url = f"/onze-diensten/{world.services.schuldhulp.pk}/capaciteit/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"capacity": "waiting_list", "waiting_weeks": "6"})
    assert response.status_code == 302
    service = Service.objects.get(pk=world.services.schuldhulp.pk)
    assert (service.capacity, service.waiting_weeks, service.full_until) == (Capacity.WAITING_LIST, 6, None)
    entry = AuditEntry.objects.filter(content_type__model="service", object_pk=str(service.pk)).latest("pk")
    assert entry.processing_activity == "administration"

    client.force_login(world.people.fatima)
    assert "Wachtlijst: ongeveer 6 weken" in client.get("/wegwijzer/").content.decode()
    form = client.get(f"/casussen/{case.pk}/verwijzen/").content.decode()
    assert "Schuldhulp (Kredietbank) — Wachtlijst: ongeveer 6 weken" in form


def test_full_until_a_date_shows_until_then_and_ends_by_itself(world):
    until = timezone.localdate() + timedelta(days=10)
    service = service_set_capacity(
        service=world.services.schuldhulp, actor=world.people.marieke, capacity="full", full_until=until
    )
    assert service.capacity_note().startswith("Vol tot en met")
    assert service.capacity_note(on=until + timedelta(days=1)) == ""


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"capacity": "waiting_list"}, "waiting_weeks"),
        ({"capacity": "full"}, "full_until"),
        ({"capacity": "full", "full_until": timezone.localdate() - timedelta(days=1)}, "full_until"),
    ],
)
def test_a_waiting_list_needs_its_wait_and_full_needs_a_date(world, fields, field):
    with pytest.raises(ActionRefused) as refused:
        service_set_capacity(service=world.services.schuldhulp, actor=world.people.marieke, **fields)
    assert refused.value.field == field


@pytest.mark.parametrize("persona", ["kees", "fatima", "anouk", "petra"])
def test_only_the_services_own_coordinator_sets_its_capacity(world, client, persona):
    client.force_login(getattr(world.people, persona))
    url = f"/onze-diensten/{world.services.schuldhulp.pk}/capaciteit/"
    assert client.post(url, {"capacity": "full", "full_until": "2099-01-01"}).status_code == 403
    assert Service.objects.get(pk=world.services.schuldhulp.pk).capacity == Capacity.OPEN
