# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Helpers for audit tests: tampering with the tables as an attacker with database access would."""

from contextlib import contextmanager

from django.db import connection

TABLE = "referrals_auditentry"
HEAD_TABLE = "referrals_auditchainhead"


@contextmanager
def trigger_disabled():
    """On PostgreSQL the guarding triggers must be switched off (as the tables' owner) to tamper at all.

    Run it inside a transaction: the triggers are off for that transaction only.
    """
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            # Writers take the chain head last; take it first here, or tampering while the service
            # seals deadlocks (the head waits for the table lock, the table lock for the head).
            cursor.execute(f"SELECT 1 FROM {HEAD_TABLE} FOR UPDATE")
            # Django's foreign keys are checked at commit; ALTER TABLE wants none pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in (TABLE, HEAD_TABLE):
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        try:
            yield cursor
        finally:
            if postgres:
                for table in (TABLE, HEAD_TABLE):
                    cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def tamper(sql: str, params=()):
    with trigger_disabled() as cursor:
        cursor.execute(sql, params)
