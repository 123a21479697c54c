
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

THROTTLE_TABLE = "api_throttle_cache"  # settings.CACHES["api_throttle"]: the API's rate-limit counts


def create_throttle_table(apps, schema_editor):
    """The database cache's table, as `createcachetable` makes it, so a deployment needs no extra step."""
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, THROTTLE_TABLE, dry_run=False)


def drop_throttle_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(THROTTLE_TABLE)}")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('directory', '0004_service_target_capacity'),
        migrations.swappable_dependency(settings.OAUTH2_PROVIDER_APPLICATION_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ClientAuthorisation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('scopes', models.JSONField(blank=True, default=list, verbose_name='scopes')),
                ('active', models.BooleanField(default=True, verbose_name='actief')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('application', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='authorisation', to=settings.OAUTH2_PROVIDER_APPLICATION_MODEL)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.organisation')),
            ],
            options={
                'verbose_name': 'API-koppeling',
                'verbose_name_plural': 'API-koppelingen',
            },
        ),
        migrations.RunPython(create_throttle_table, drop_throttle_table),
    ]
