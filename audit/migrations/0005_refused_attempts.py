# Refused attempts (issue 11, point 7): a fifth audit action and two flag kinds. Choices only: no
# column changes.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0004_privacyflag_membership_kind'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditentry',
            name='action',
            field=models.PositiveSmallIntegerField(choices=[(0, 'create'), (1, 'update'), (2, 'delete'), (3, 'access'), (4, 'refused')], db_index=True, verbose_name='action'),
        ),
        migrations.AlterField(
            model_name='privacyflag',
            name='kind',
            field=models.CharField(choices=[('legal_basis', 'Verwijzing op andere grondslag dan toestemming'), ('consent_expired', 'Toestemming verlopen bij open verwijzing'), ('consent_withdrawn', 'Toestemming ingetrokken'), ('many_residents', 'Ongebruikelijk veel inwoners bekeken'), ('outside_hours', 'Inzage buiten kantoortijden'), ('admin_read', 'Beheerder bekeek verwijzing van andere organisatie'), ('membership', 'Lidmaatschap met toegang tot inwonergegevens aangemaakt'), ('many_refusals', 'Veel geweigerde pogingen tot inzage'), ('leaver_attempt', 'Poging tot inzage na einde lidmaatschap')], max_length=20),
        ),
    ]
