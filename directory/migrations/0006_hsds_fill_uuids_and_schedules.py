# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""HSDS 3.0: every organisation, service and category gets its UUID; free-text places and walk-in
hours become locations and schedules (0007 then drops the free text).

"Bibliotheek aan de Vliet, Fluitpolderplein 5" becomes the location "Bibliotheek aan de Vliet" at
"Fluitpolderplein 5"; "(Sporthal de Fluit)" after a name becomes its description. Walk-in hours
that parse ("di en do 9:00–12:00") become weekly rules; any other text is kept as a schedule's
description, so nothing typed is lost.
"""

import re
import uuid

from django.db import migrations

from directory.schedules import format_schedule, parse_walk_in_hours


def _place(text):
    name, _, address = (part.strip() for part in text.partition(","))
    match = re.fullmatch(r"(.*?)\s*\((.*)\)", name)
    description = ""
    if match:
        name, description = match[1], match[2]
    return name, address, description


def forward(apps, schema_editor):
    for model in ("Organisation", "Service", "Category"):
        for row in apps.get_model("directory", model).objects.filter(uuid__isnull=True).only("pk"):
            row.uuid = uuid.uuid4()
            row.save(update_fields=["uuid"])
    Location = apps.get_model("directory", "Location")
    ServiceAtLocation = apps.get_model("directory", "ServiceAtLocation")
    Schedule = apps.get_model("directory", "Schedule")
    for service in apps.get_model("directory", "Service").objects.all():
        location = None
        if service.location or service.address:
            name, address, description = _place(service.location or service.address)
            location, created = Location.objects.get_or_create(
                name=name[:200], defaults={"uuid": uuid.uuid4(), "description": description}
            )
            if not location.address_1 and (address or service.address):
                location.address_1 = (address or service.address)[:200]
                location.save(update_fields=["address_1"])
            ServiceAtLocation.objects.get_or_create(service=service, location=location, defaults={"uuid": uuid.uuid4()})
        if service.walk_in_hours:
            rules = parse_walk_in_hours(service.walk_in_hours)
            for rule in rules or []:
                Schedule.objects.create(
                    uuid=uuid.uuid4(),
                    service=service,
                    location=location,
                    freq="WEEKLY",
                    byday=",".join(rule.byday),
                    opens_at=rule.opens_at,
                    closes_at=rule.closes_at,
                )
            if rules is None:
                Schedule.objects.create(
                    uuid=uuid.uuid4(), service=service, location=location, description=service.walk_in_hours[:200]
                )


def backward(apps, schema_editor):
    """Back to free text: the schedules written as before, the first location's name and address."""
    for service in apps.get_model("directory", "Service").objects.all():
        service.walk_in_hours = "; ".join(format_schedule(s) for s in service.schedules.order_by("pk"))[:200]
        place = service.service_at_locations.select_related("location").order_by("pk").first()
        if place is not None:
            service.location = place.location.name[:200]
            service.address = place.location.address_1[:200]
        service.save(update_fields=["walk_in_hours", "location", "address"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_hsds_locations_schedules")]

    operations = [migrations.RunPython(forward, backward)]
