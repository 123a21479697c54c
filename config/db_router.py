# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The database router: reads from the read replica only inside an explicit scope, writes on the primary.

A read replica (DATABASE_REPLICA_URL) is a PostgreSQL streaming standby of the primary: the same
database, a moment behind. Nothing reads from it by default. A page that may (the privacy
officer's audit search and exports, the programme's figures) runs its reads in
`config.replica.read_from_replica`, which decides once, on entering, whether the replica may answer
(reachable, and caught up with what the user last wrote) and names the alias here; every query of
the scope then goes there — except the reads of a service's own transaction (`audited()`, a durable
atomic block on the primary), which must see and lock the primary's rows. Writes always go to the
primary: a hot standby refuses them, and an instance read from the replica is saved on the primary.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"

# The alias this scope's reads go to (config.replica.read_from_replica), or None outside any scope.
reads_from: ContextVar[str | None] = ContextVar("overdracht_reads_from", default=None)


def in_service_transaction() -> bool:
    """A service's transaction (audited(): durable) is open on the primary: its reads stay there."""
    primary = connections[DEFAULT_DB_ALIAS]
    return primary.in_atomic_block and any(block.durable for block in primary.atomic_blocks)


def _on_replica(hints: dict[str, Any]) -> bool:
    instance = hints.get("instance")
    return instance is not None and instance._state.db not in (None, DEFAULT_DB_ALIAS)


class ReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        alias = reads_from.get()
        if alias is not None and alias != DEFAULT_DB_ALIAS and not in_service_transaction():
            return alias
        # Outside the scope, an object read from the replica does not take its relations' reads there.
        return DEFAULT_DB_ALIAS if alias is not None or _on_replica(hints) else None

    def db_for_write(self, model: type, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica is the primary's own database: its rows and the primary's may be related.
        same_database = {DEFAULT_DB_ALIAS, REPLICA}
        if obj1._state.db in same_database and obj2._state.db in same_database:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # The standby replays the primary's migrations; it is never migrated itself.
        return False if db == REPLICA else None
