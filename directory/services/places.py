# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Where and when a service is given: its location and its walk-in hours as HSDS schedules.

Called inside the audited service_create/service_update. What did not change keeps its rows, so
the UUIDs partner systems hold for a schedule or a service-at-location stay valid.
"""

from __future__ import annotations

from django.utils import translation

from directory.models import Location, Schedule, Service, ServiceAtLocation
from directory.schedules import parse_walk_in_hours


def set_location(service: Service, location: Location | None) -> None:
    service.service_at_locations.exclude(location=location).delete()
    if location is not None:
        ServiceAtLocation.objects.get_or_create(service=service, location=location)
    service.schedules.exclude(location=location).update(location=location)


def set_walk_in_hours(service: Service, text: str) -> None:
    """Replace the schedules by `text` ("di en do 9:00–12:00"); text that is no rule stays as a description."""
    text = text.strip()
    with translation.override("nl"):
        if Service.objects.get(pk=service.pk).walk_in_hours == text:
            return
    service.schedules.all().delete()
    if not text:
        return
    location = service.locations.first()
    rules = parse_walk_in_hours(text)
    if rules is None:
        Schedule.objects.create(service=service, location=location, description=text)
        return
    for rule in rules:
        Schedule.objects.create(
            service=service,
            location=location,
            freq=Schedule.Freq.WEEKLY,
            byday=",".join(rule.byday),
            opens_at=rule.opens_at,
            closes_at=rule.closes_at,
        )
