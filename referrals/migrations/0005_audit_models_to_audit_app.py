# The audit trail's models live in the audit app now (audit/migrations/0001): state only, no table changes.
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0004_consent_purpose_encrypted'),
        ('audit', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='AuditChainHead',
                ),
                migrations.RemoveField(
                    model_name='privacyflag',
                    name='actor',
                ),
                migrations.RemoveField(
                    model_name='privacyflag',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='privacyflag',
                    name='referral',
                ),
                migrations.RemoveField(
                    model_name='privacyflag',
                    name='reviewed_by',
                ),
                migrations.DeleteModel(
                    name='AuditEntry',
                ),
                migrations.DeleteModel(
                    name='PrivacyFlag',
                ),
            ],
            database_operations=[],
        ),
    ]
