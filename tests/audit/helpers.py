"""Helpers for audit tests: tampering with the table as an attacker with database access would."""

from contextlib import contextmanager

from django.db import connection

TABLE = "referrals_auditentry"


@contextmanager
def trigger_disabled():
    """On PostgreSQL the append-only trigger must be switched off (as superuser) to tamper at all."""
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            # Django's foreign keys are checked at commit; ALTER TABLE wants none pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER referrals_auditentry_append_only")
        try:
            yield cursor
        finally:
            if postgres:
                cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER referrals_auditentry_append_only")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def tamper(sql: str, params=()):
    with trigger_disabled() as cursor:
        cursor.execute(sql, params)
