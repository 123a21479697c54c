# Lists without the resident (issue 12): the age band, the one fact about the resident a list shows,
# is kept on the case. Filled from the band stored on the resident, which was derived from the birth
# year when it was entered (the birth year itself is encrypted; a migration holds no keys).
# With it, the index the sent list (/verstuurd/) reads a page at a time from.

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_age_bands(apps, schema_editor):
    Case = apps.get_model("referrals", "Case")
    Resident = apps.get_model("referrals", "Resident")
    band = Resident.objects.filter(pk=OuterRef("resident_id")).values("age_band")[:1]
    Case.objects.update(age_band=Subquery(band))


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0011_key_check'),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='age_band',
            field=models.CharField(blank=True, editable=False, max_length=8, verbose_name='leeftijdsgroep'),
        ),
        migrations.RunPython(copy_age_bands, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='referral',
            index=models.Index(fields=['from_organisation', 'created_at'], name='referrals_r_from_or_ad2d7c_idx'),
        ),
    ]
