# A flag for the privacy officer when a membership that opens residents' data is created (issue 11): choices only.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0003_truncate_and_head_guard'),
    ]

    operations = [
        migrations.AlterField(
            model_name='privacyflag',
            name='kind',
            field=models.CharField(choices=[('legal_basis', 'Verwijzing op andere grondslag dan toestemming'), ('consent_expired', 'Toestemming verlopen bij open verwijzing'), ('consent_withdrawn', 'Toestemming ingetrokken'), ('many_residents', 'Ongebruikelijk veel inwoners bekeken'), ('outside_hours', 'Inzage buiten kantoortijden'), ('admin_read', 'Beheerder bekeek verwijzing van andere organisatie'), ('membership', 'Lidmaatschap met toegang tot inwonergegevens aangemaakt')], max_length=20),
        ),
    ]
