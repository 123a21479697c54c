# A follow-up gets a uid (the encrypted note's associated data names it), a note, and the kinds
# for a declined referral, a resident not reached and a withdrawn consent. The uid is added in
# three steps, so that existing follow-ups each get their own.

import uuid

from django.db import migrations, models


def give_each_a_uid(apps, schema_editor):
    follow_up = apps.get_model("referrals", "FollowUp")
    for pk in follow_up.objects.filter(uid__isnull=True).values_list("pk", flat=True):
        follow_up.objects.filter(pk=pk).update(uid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0015_case_regie_household"),
    ]

    operations = [
        migrations.AddField(
            model_name="followup",
            name="uid",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(give_each_a_uid, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="followup",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(
            model_name="followup",
            name="note_ciphertext",
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name="followup",
            name="kind",
            field=models.CharField(
                choices=[
                    ("nazorg", "Nazorg"),
                    ("waakvlam", "Waakvlam"),
                    ("declined", "Na afwijzing: andere partner zoeken"),
                    ("unreached", "Niet bereikt: andere weg zoeken"),
                    ("withdrawn", "Toestemming ingetrokken: hoe nu verder"),
                ],
                default="nazorg",
                max_length=10,
                verbose_name="soort",
            ),
        ),
    ]
