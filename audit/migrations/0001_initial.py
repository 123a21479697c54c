import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

# These models moved here from the referrals app. Their tables keep their names
# and their rows (the audit chain, the PostgreSQL trigger on referrals_auditentry),
# so only Django's state changes; the content types follow them, keeping their ids.
MOVED = ["auditentry", "auditchainhead", "privacyflag"]


def move_content_types(apps, schema_editor, source="referrals", target="audit"):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_type.objects.filter(app_label=target, model=model).exists():
            content_type.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="audit", target="referrals")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('referrals', '0004_consent_purpose_encrypted'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AuditChainHead',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('last_entry_id', models.BigIntegerField(default=0)),
                        ('last_hash', models.CharField(blank=True, max_length=64)),
                    ],
                    options={
                        'verbose_name': 'audit chain head',
                        'db_table': 'referrals_auditchainhead',
                    },
                ),
                migrations.CreateModel(
                    name='PrivacyFlag',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('legal_basis', 'Verwijzing op andere grondslag dan toestemming'), ('consent_expired', 'Toestemming verlopen bij open verwijzing'), ('consent_withdrawn', 'Toestemming ingetrokken'), ('many_residents', 'Ongebruikelijk veel inwoners bekeken'), ('outside_hours', 'Inzage buiten kantoortijden'), ('admin_read', 'Beheerder bekeek verwijzing van andere organisatie')], max_length=20)),
                        ('pseudonym', models.CharField(blank=True, db_index=True, max_length=12)),
                        ('details', models.JSONField(blank=True, default=dict)),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='referrals.organisation')),
                        ('referral', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='referrals.referral')),
                        ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'referrals_privacyflag',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='AuditEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_pk', models.CharField(db_index=True, max_length=255, verbose_name='object pk')),
                        ('object_id', models.BigIntegerField(blank=True, db_index=True, null=True, verbose_name='object id')),
                        ('object_repr', models.TextField(verbose_name='object representation')),
                        ('serialized_data', models.JSONField(null=True)),
                        ('action', models.PositiveSmallIntegerField(choices=[(0, 'create'), (1, 'update'), (2, 'delete'), (3, 'access')], db_index=True, verbose_name='action')),
                        ('changes_text', models.TextField(blank=True, verbose_name='change message')),
                        ('changes', models.JSONField(null=True, verbose_name='change message')),
                        ('cid', models.CharField(blank=True, db_index=True, max_length=255, null=True, verbose_name='Correlation ID')),
                        ('remote_addr', models.GenericIPAddressField(blank=True, null=True, verbose_name='remote address')),
                        ('remote_port', models.PositiveIntegerField(blank=True, null=True, verbose_name='remote port')),
                        ('timestamp', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='timestamp')),
                        ('additional_data', models.JSONField(blank=True, null=True, verbose_name='additional data')),
                        ('actor_email', models.CharField(blank=True, max_length=254, null=True, verbose_name='actor email')),
                        ('role', models.CharField(blank=True, max_length=20)),
                        ('pseudonym', models.CharField(blank=True, db_index=True, max_length=12)),
                        ('processing_activity', models.CharField(blank=True, db_index=True, max_length=50)),
                        ('reason', models.CharField(blank=True, max_length=300)),
                        ('chain_hash', models.CharField(blank=True, max_length=64)),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='actor')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='content type')),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='referrals.organisation')),
                    ],
                    options={
                        'verbose_name': 'audit entry',
                        'verbose_name_plural': 'audit entries',
                        'db_table': 'referrals_auditentry',
                        'ordering': ['-timestamp'],
                        'get_latest_by': 'timestamp',
                        'abstract': False,
                        'indexes': [models.Index(fields=['pseudonym', 'timestamp'], name='referrals_a_pseudon_684d80_idx'), models.Index(fields=['actor', 'timestamp'], name='referrals_a_actor_i_e64b8f_idx'), models.Index(fields=['organisation', 'timestamp'], name='referrals_a_organis_eda358_idx')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
