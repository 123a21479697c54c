# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The streaming standby the `replica` tests read from: wait for its replay, or hold it back."""

import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections


def _one(alias: str, sql: str, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def caught_up(timeout: float = 15.0) -> None:
    """Wait until the standby has replayed everything the primary has written so far."""
    target = _one(DEFAULT_DB_ALIAS, "SELECT pg_current_wal_lsn()")
    deadline = time.monotonic() + timeout
    while not _one(settings.DATABASE_READ_REPLICA, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]):
        if time.monotonic() > deadline:
            raise AssertionError(f"the standby did not replay up to {target} within {timeout} s")
        time.sleep(0.02)


@contextmanager
def replay_paused():
    """The standby lags: it keeps what it has and replays nothing the primary writes meanwhile."""
    caught_up()
    standby = settings.DATABASE_READ_REPLICA
    _one(standby, "SELECT pg_wal_replay_pause()")
    try:
        deadline = time.monotonic() + 15
        while _one(standby, "SELECT pg_get_wal_replay_pause_state()") != "paused":
            assert time.monotonic() < deadline, "the standby did not pause its replay"
            time.sleep(0.01)
        yield
    finally:
        _one(standby, "SELECT pg_wal_replay_resume()")
    caught_up()


@contextmanager
def statements(alias: str):
    """Every statement sent on `alias` in this block (CaptureQueriesContext loses those of earlier requests)."""
    sent: list[str] = []

    def note(execute, sql, params, many, context):
        sent.append(sql)
        return execute(sql, params, many, context)

    with connections[alias].execute_wrapper(note):
        yield sent
