# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""HSDS 3.0: the UUIDs filled in 0006 become required and unique; the free-text place and hours go."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("directory", "0006_hsds_fill_uuids_and_schedules")]

    operations = [
        *(
            migrations.AlterField(
                model_name=model,
                name="uuid",
                field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
            )
            for model in ("category", "organisation", "service")
        ),
        migrations.RemoveField(model_name="service", name="address"),
        migrations.RemoveField(model_name="service", name="location"),
        migrations.RemoveField(model_name="service", name="walk_in_hours"),
    ]
