"""On PostgreSQL: a writing transaction takes the audit chain's lock before its first row lock.

Every transaction that changes data also writes audit entries, and adding an
entry locks the chain head until commit. If the chain were taken only at the
first audit entry, two transactions could deadlock: one holds a referral and
waits for the chain, the other holds the chain and waits for that referral
(a forward being accepted while its parent is closed). Taking the chain first,
at the first statement that writes or locks a row, gives every transaction the
same lock order: writers wait for each other, none fails. Reads never wait.

The lock is a transaction-level advisory lock: released at commit or rollback
by PostgreSQL itself, and taking it again in the same transaction is free of
waiting. SQLite needs none of this: it lets one writer in at a time anyway.
"""

import re
from collections.abc import Callable
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

CHAIN_LOCK_KEY = 7_240_531  # any fixed number; the same for every process of the service

_WRITES_OR_LOCKS = re.compile(
    r"^\s*(INSERT|UPDATE|DELETE)\b|\bFOR\s+(NO\s+KEY\s+)?UPDATE\b|\bFOR\s+(KEY\s+)?SHARE\b", re.IGNORECASE
)


def take_chain_first(execute: Callable[..., Any], sql: Any, params: Any, many: bool, context: dict[str, Any]) -> Any:
    connection = context["connection"]
    if connection.in_atomic_block and isinstance(sql, str) and _WRITES_OR_LOCKS.search(sql):
        # The raw cursor: this statement must not pass through the wrappers again.
        context["cursor"].cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
    return execute(sql, params, many, context)


def install(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """connection_created receiver."""
    if connection.vendor == "postgresql" and take_chain_first not in connection.execute_wrappers:
        connection.execute_wrappers.append(take_chain_first)
