import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


# These models moved here from the referrals app. Their tables keep their names and
# rows, so only Django's state changes; the content types follow them, keeping their ids.
MOVED = ['category', 'wijk', 'organisation', 'service']


def move_content_types(apps, schema_editor, source="referrals", target="directory"):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_type.objects.filter(app_label=target, model=model).exists():
            content_type.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="directory", target="referrals")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('referrals', '0005_audit_models_to_audit_app'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Category',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.SlugField(unique=True)),
                        ('name', models.CharField(max_length=100, verbose_name='naam')),
                        ('group', models.CharField(blank=True, max_length=100, verbose_name='domein')),
                    ],
                    options={
                        'verbose_name': 'categorie',
                        'verbose_name_plural': 'categorieën',
                        'db_table': 'referrals_category',
                        'ordering': ['group', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='Wijk',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='naam')),
                    ],
                    options={
                        'verbose_name': 'wijk',
                        'verbose_name_plural': 'wijken',
                        'db_table': 'referrals_wijk',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Organisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True, verbose_name='naam')),
                        ('slug', models.SlugField(max_length=80, unique=True)),
                        ('kind', models.CharField(choices=[('municipality', 'Gemeente'), ('social_work', 'Maatschappelijk werk / welzijn'), ('debt', 'Schuldhulp'), ('language', 'Taal'), ('education', 'Onderwijs'), ('youth', 'Jeugd en gezin'), ('housing', 'Wonen'), ('health', 'Gezondheid'), ('safety', 'Veiligheid (meldcode)'), ('enforcement', 'Handhaving / politie'), ('other', 'Anders')], max_length=20, verbose_name='soort')),
                        ('domains', models.CharField(blank=True, max_length=300, verbose_name='domeinen')),
                        ('agreement_signed_on', models.DateField(blank=True, help_text='Zonder convenant kan de organisatie geen verwijzingen ontvangen.', null=True, verbose_name='convenant gegevensdeling getekend op')),
                        ('group', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='organisation', to='auth.group')),
                    ],
                    options={
                        'verbose_name': 'organisatie',
                        'verbose_name_plural': 'organisaties',
                        'db_table': 'referrals_organisation',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Service',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='naam')),
                        ('description', models.TextField(blank=True, verbose_name='beschrijving')),
                        ('target_groups', models.JSONField(blank=True, default=list, verbose_name='doelgroepen')),
                        ('languages', models.JSONField(blank=True, default=list, help_text='Bijv. nl, en, ar, tr', verbose_name='talen')),
                        ('location', models.CharField(blank=True, max_length=200, verbose_name='locatie')),
                        ('walk_in_hours', models.CharField(blank=True, max_length=200, verbose_name='inloopspreekuur')),
                        ('eligibility', models.TextField(blank=True, verbose_name='voor wie')),
                        ('response_days', models.PositiveSmallIntegerField(default=5, help_text='Binnen hoeveel werkdagen de partner een verwijzing oppakt.', verbose_name='reactietermijn (werkdagen)')),
                        ('accepts_referrals', models.BooleanField(default=True, verbose_name='neemt verwijzingen aan')),
                        ('valid_from', models.DateField(default=django.utils.timezone.localdate, verbose_name='geldig vanaf')),
                        ('valid_until', models.DateField(blank=True, null=True, verbose_name='geldig tot en met')),
                        ('categories', models.ManyToManyField(db_table='referrals_service_categories', related_name='services', to='directory.category', verbose_name='categorieën')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='services', to='directory.organisation')),
                        ('wijken', models.ManyToManyField(blank=True, db_table='referrals_service_wijken', help_text='Leeg: de hele gemeente.', related_name='services', to='directory.wijk', verbose_name='wijken')),
                    ],
                    options={
                        'verbose_name': 'dienst',
                        'verbose_name_plural': 'diensten',
                        'db_table': 'referrals_service',
                        'ordering': ['organisation__name', 'name'],
                        'constraints': [models.UniqueConstraint(fields=('organisation', 'name'), name='unique_service_name')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
