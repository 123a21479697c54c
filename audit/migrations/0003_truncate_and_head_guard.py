# On PostgreSQL the database also refuses to wipe the trail or move its head back.
#
# The row triggers of referrals.0002_audit_chain do not fire for TRUNCATE, so the owner (the
# service's own database user) could empty the trail without switching any trigger off, and
# `manage.py flush` did. The head row says how many entries were written; verify_audit holds the
# entries to it, so it must not be removed or lowered either. It only moves forward (a writer
# moves it one entry on, or updates it to itself to lock it). Tests flush with these triggers
# switched off inside the flush's own transaction (tests/conftest.py).
from django.db import migrations

GUARD_SQL = """
CREATE TRIGGER referrals_auditentry_no_truncate
    BEFORE TRUNCATE ON referrals_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION overdracht_audit_append_only();

CREATE OR REPLACE FUNCTION overdracht_audit_head_forward_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND (
        NEW.last_entry_id > OLD.last_entry_id
        OR (NEW.last_entry_id = OLD.last_entry_id AND NEW.last_hash = OLD.last_hash)
    ) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit chain head only moves forward: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER referrals_auditchainhead_forward_only
    BEFORE UPDATE OR DELETE ON referrals_auditchainhead
    FOR EACH ROW EXECUTE FUNCTION overdracht_audit_head_forward_only();
CREATE TRIGGER referrals_auditchainhead_no_truncate
    BEFORE TRUNCATE ON referrals_auditchainhead
    FOR EACH STATEMENT EXECUTE FUNCTION overdracht_audit_head_forward_only();
"""
DROP_SQL = """
DROP TRIGGER IF EXISTS referrals_auditchainhead_no_truncate ON referrals_auditchainhead;
DROP TRIGGER IF EXISTS referrals_auditchainhead_forward_only ON referrals_auditchainhead;
DROP FUNCTION IF EXISTS overdracht_audit_head_forward_only();
DROP TRIGGER IF EXISTS referrals_auditentry_no_truncate ON referrals_auditentry;
"""


def guard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARD_SQL, params=None)


def unguard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0002_organisation_in_directory'),
        ('referrals', '0002_audit_chain'),  # overdracht_audit_append_only()
    ]

    operations = [
        migrations.RunPython(guard, unguard),
    ]
