# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Walk-in hours are HSDS schedules: typed as text, stored as weekly rules, shown from the rules."""

from datetime import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from directory.models import Location, Schedule, Service
from directory.schedules import WeeklyRule, parse_walk_in_hours


@pytest.mark.parametrize(
    "text",
    ["di 9:30–11:30", "ma–vr 9:00–12:00", "di en do 9:00–12:00", "ma, wo en vr 13:00–15:00; za 10:00–12:00"],
)
def test_walk_in_hours_round_trip_through_schedules(world, login, text):
    """Typed by the coordinator, stored as rules, written back the same (the form shows it again)."""
    client = login(world.people.marieke)
    data = {"name": "Spreekuur", "categories": [world.categories.schulden.pk], "response_days": "5"}
    assert client.post(reverse("service_new"), {**data, "walk_in_hours": text}).status_code == 302
    service = Service.objects.get(name="Spreekuur")
    assert all(rule.freq == "WEEKLY" and rule.byday and rule.opens_at for rule in service.schedules.all())
    with translation.override("nl"):
        assert service.walk_in_hours == text
    form = client.get(reverse("service_edit", args=[service.pk])).content.decode()
    assert f'value="{text}"' in form


def test_the_rules_are_days_and_times():
    assert parse_walk_in_hours("di en do 9:00–12:00") == [WeeklyRule(("TU", "TH"), time(9), time(12))]
    assert parse_walk_in_hours("ma-vr 8.30-17.00") == [
        WeeklyRule(("MO", "TU", "WE", "TH", "FR"), time(8, 30), time(17))
    ]
    for not_a_rule in ("op afspraak", "di 12:00–9:00", "vr–ma 9:00–12:00", "di en di 9:00–10:00", ""):
        assert parse_walk_in_hours(not_a_rule) is None


def test_text_that_is_no_rule_is_kept_as_the_schedules_description(world, login):
    client = login(world.people.marieke)
    data = {"name": "Spreekuur", "categories": [world.categories.schulden.pk], "response_days": "5"}
    client.post(reverse("service_new"), {**data, "walk_in_hours": "op afspraak, bel de intake"})
    (only,) = Schedule.objects.filter(service__name="Spreekuur")
    assert (only.description, only.byday, only.opens_at) == ("op afspraak, bel de intake", "", None)


def test_saving_unchanged_hours_keeps_the_schedules_ids(world, login):
    """Partner systems hold the schedule's UUID: saving the form without a change must not renew it."""
    client = login(world.people.marieke)
    data = {"name": "Spreekuur", "categories": [world.categories.schulden.pk], "response_days": "5"}
    client.post(reverse("service_new"), {**data, "walk_in_hours": "wo 13:00–15:00"})
    service = Service.objects.get(name="Spreekuur")
    before = list(service.schedules.values_list("uuid", flat=True))
    edit = {**data, "walk_in_hours": "wo 13:00–15:00", "description": "Nu met beschrijving"}
    assert client.post(reverse("service_edit", args=[service.pk]), edit).status_code == 302
    assert list(service.schedules.values_list("uuid", flat=True)) == before


def test_the_wegwijzer_shows_the_opening_hours_and_address_from_the_schedules(world, login):
    call_command("load_demo_data", "--no-cases", stdout=open("/dev/null", "w"))  # noqa: SIM115
    service = Service.objects.get(organisation__slug="gemeente-participatie", name="Participatieconsulent")
    client = login(world.people.fatima)
    page = client.get(reverse("directory") + "?zoek=Participatieconsulent").content.decode()
    assert "di en do 9:00–12:00, Tuinkamer van Noord" in page
    assert "Fluitpolderplein 1, 2262 EB Leidschendam" in page
    # Changed in the admin's schedule rows: the Wegwijzer follows, there is no text to keep in step.
    Schedule.objects.filter(service=service).update(byday="MO,TU,WE,TH,FR", opens_at=time(8, 30))
    page = client.get(reverse("directory") + "?zoek=Participatieconsulent").content.decode()
    assert "ma–vr 8:30–12:00, Tuinkamer van Noord" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("directory") + "?zoek=Participatieconsulent").content.decode()
    assert "Mon–Fri 8:30–12:00, Tuinkamer van Noord" in english
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    walk_in_only = client.get(reverse("directory") + "?inloop=on").content.decode()
    assert "Participatieconsulent" in walk_in_only and "Budgetbeheer" not in walk_in_only


def test_the_demo_places_are_in_leidschendam_with_coordinates(world):
    call_command("load_demo_data", "--no-cases", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for place in Location.objects.exclude(latitude=None):
        assert place.city == "Leidschendam" and place.address
        assert 52.05 < place.latitude < 52.12 and 4.35 < place.longitude < 4.43
    assert Location.objects.filter(latitude=None).count() == 0
