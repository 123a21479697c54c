import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


# These models moved here from the referrals app. Their tables keep their names and
# rows, so only Django's state changes; the content types follow them, keeping their ids.
MOVED = ['membership']


def move_content_types(apps, schema_editor, source="referrals", target="accounts"):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_type.objects.filter(app_label=target, model=model).exists():
            content_type.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="accounts", target="referrals")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('directory', '0001_initial'),
        ('referrals', '0005_audit_models_to_audit_app'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Membership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('referrer', 'Verwijzer'), ('intake', 'Intakemedewerker'), ('coordinator', 'Coördinator'), ('regisseur', 'Regisseur'), ('signaller', 'Signaleerder'), ('privacy_officer', 'Privacyfunctionaris'), ('programme', 'Programmamanager'), ('admin', 'Functioneel beheerder')], max_length=20, verbose_name='rol')),
                        ('valid_until', models.DateField(blank=True, null=True, verbose_name='geldig tot en met')),
                    ],
                    options={
                        'verbose_name': 'lidmaatschap',
                        'verbose_name_plural': 'lidmaatschappen',
                        'db_table': 'referrals_membership',
                    },
                ),
                migrations.AddField(
                    model_name='membership',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='directory.organisation'),
                ),
                migrations.AddField(
                    model_name='membership',
                    name='user',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AddConstraint(
                    model_name='membership',
                    constraint=models.UniqueConstraint(fields=('user', 'organisation', 'role'), name='unique_membership'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
