# Organisations, services, categories and wijken live in the directory app now, memberships in
# the accounts app (directory/ and accounts/migrations/0001): state only, no table changes.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0005_audit_models_to_audit_app'),
        ('directory', '0001_initial'),
        ('accounts', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='service',
                    name='categories',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='organisation',
                    name='group',
                ),
                migrations.AlterField(
                    model_name='referral',
                    name='to_organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='received_referrals', to='directory.organisation'),
                ),
                migrations.AlterField(
                    model_name='case',
                    name='opened_by_organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='opened_cases', to='directory.organisation'),
                ),
                migrations.AlterField(
                    model_name='consent',
                    name='recorded_by_organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.organisation'),
                ),
                migrations.AlterField(
                    model_name='case',
                    name='regisseur_organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='regie_cases', to='directory.organisation'),
                ),
                migrations.AlterField(
                    model_name='referral',
                    name='from_organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sent_referrals', to='directory.organisation'),
                ),
                migrations.AlterField(
                    model_name='subjectrequest',
                    name='handled_by_organisation',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.organisation'),
                ),
                migrations.RemoveField(
                    model_name='service',
                    name='organisation',
                ),
                migrations.AlterField(
                    model_name='referralevent',
                    name='actor_organisation',
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.organisation'),
                ),
                migrations.RemoveField(
                    model_name='service',
                    name='wijken',
                ),
                migrations.AlterField(
                    model_name='referral',
                    name='service',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='referrals', to='directory.service'),
                ),
                migrations.AlterField(
                    model_name='case',
                    name='wijk',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='cases', to='directory.wijk'),
                ),
                migrations.AlterField(
                    model_name='resident',
                    name='wijk',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.wijk'),
                ),
                migrations.AlterField(
                    model_name='case',
                    name='categories',
                    field=models.ManyToManyField(related_name='cases', to='directory.category', verbose_name='categorieën'),
                ),
                migrations.AlterField(
                    model_name='consent',
                    name='recipients',
                    field=models.ManyToManyField(related_name='consents', to='directory.organisation', verbose_name='ontvangers'),
                ),
                migrations.AlterField(
                    model_name='referral',
                    name='categories',
                    field=models.ManyToManyField(related_name='referrals', to='directory.category', verbose_name='categorieën'),
                ),
                migrations.DeleteModel(
                    name='Category',
                ),
                migrations.DeleteModel(
                    name='Membership',
                ),
                migrations.DeleteModel(
                    name='Organisation',
                ),
                migrations.DeleteModel(
                    name='Service',
                ),
                migrations.DeleteModel(
                    name='Wijk',
                ),
            ],
            database_operations=[],
        ),
    ]
