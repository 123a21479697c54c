# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Verifying the hash chain in several processes at once (`verify_audit --jobs`).

Entry i is intact when its stored chain hash is sha256(stored hash of entry i-1 + its canonical
bytes): each link needs the entry before it as stored, not as recomputed. So the ids 1..head are
cut into contiguous parts, each walked on its own from the stored hash of the entry just before
it (chain.walk_range), in a process of its own: one Python process is the bottleneck (fetching
rows, building canonical bytes), not sha256 and not the database. Nothing extra is stored.

All parts must see the trail as of one moment, or entries committed meanwhile would be false
alarms at the part's ends: the parent opens its REPEATABLE READ transaction, exports its
snapshot, reads the head in it, and every worker imports that snapshot (PostgreSQL's
pg_export_snapshot / SET TRANSACTION SNAPSHOT). The parent keeps its transaction open until the
workers are done: an exported snapshot lives as long as the transaction that exported it.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import time

from audit.services.chain import HEAD_MISSING, Anchor, Head, Verdict, chain_head, one_snapshot, walk_range

# More processes than this do not help: the database server needs the other cores.
MAX_JOBS = 8
_SNAPSHOT_ID = re.compile(r"[0-9A-F]+-[0-9A-F]+-[0-9]+")


def default_jobs() -> int:
    """verify_audit's --jobs when none is given: every core on PostgreSQL (at most MAX_JOBS), 1 on SQLite.

    SQLite stays sequential: its test database lives in memory, which a forked process cannot
    share, and one process reads a database file as fast as its disk allows.
    """
    from django.db import connection

    return min(os.cpu_count() or 1, MAX_JOBS) if connection.vendor == "postgresql" else 1


def parallel_jobs(jobs: int, chunk_size: int) -> int:
    """How many processes a verification with `jobs` gets: 1 where parallel parts cannot or need not be.

    Each part gets at least two chunks of entries: below that, starting processes costs more
    than they save (the head's count is read outside the snapshot: enough for this estimate).
    Inside a transaction (a test's) the workers could not see its uncommitted entries, and the
    snapshot would not be one of our own: one process then, as before.
    """
    from django.db import connection

    jobs = min(jobs, MAX_JOBS)
    if jobs <= 1 or connection.vendor != "postgresql" or connection.in_atomic_block:
        return 1
    head = chain_head()
    entries = head["last_entry_id"] if head else 0
    return max(1, min(jobs, entries // (2 * chunk_size)))


def ranges(head_id: int, parts: int) -> list[tuple[int, int | None]]:
    """1..head_id cut into `parts` contiguous (first, last) id ranges; the last one open-ended.

    The last part reads on past the head: an entry there was inserted.
    """
    size = max(1, -(-head_id // parts))
    bounds: list[tuple[int, int | None]] = [
        (first, min(first + size - 1, head_id)) for first in range(1, max(head_id, 1) + 1, size)
    ]
    bounds[-1] = (bounds[-1][0], None)
    return bounds


def verify_in_parallel(*, chunk_size: int, anchor: Anchor | None, jobs: int) -> Verdict:
    """chain.verify in `jobs` worker processes (as parallel_jobs gives), each walking one part of the
    trail, all in one snapshot."""
    from django.db import connection, connections

    started = time.perf_counter()
    # A forked child must not use the parent's open connections (one socket, two processes):
    # closed here, every worker opens its own; the parent opens a new one for its snapshot.
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_signals) as pool:
        with one_snapshot():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot()")
                (snapshot,) = cursor.fetchone()
            head = chain_head()
            if head is None:
                return Verdict(0, time.perf_counter() - started, 1, HEAD_MISSING)
            parts = ranges(head["last_entry_id"], jobs)
            tasks = [(snapshot, chunk_size, head, first, last, anchor) for first, last in parts]
            verdicts = pool.map(_walk_in_snapshot, tasks, chunksize=1)
        pool.close()
        pool.join()
    verdict = first_problem(verdicts)
    verdict.seconds = time.perf_counter() - started
    verdict.jobs = len(parts)
    return verdict


def _worker_signals() -> None:
    """A worker ends on SIGTERM and SIGINT, whatever the parent does with them.

    A fork inherits the parent's handlers: the task worker's SIGTERM handler only asks its loop
    to stop, and a worker that kept it would not end when the pool terminates it (after an
    error), leaving the parent waiting for it.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _walk_in_snapshot(task: tuple[str, int, Head, int, int | None, Anchor | None]) -> Verdict:
    """In a worker: walk one part of the trail in the parent's snapshot."""
    from django.db import connection, transaction

    snapshot, chunk_size, head, first, last, anchor = task
    if not _SNAPSHOT_ID.fullmatch(snapshot):  # it goes into the statement as a literal
        raise ValueError(f"not a snapshot id: {snapshot!r}")
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # Both before the transaction's first query, the isolation level first.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            return walk_range(chunk_size, head, first, last, anchor)
    finally:
        connection.close()


def first_problem(verdicts: list[Verdict]) -> Verdict:
    """The parts' verdicts (in id order) as one: the problem with the lowest entry id, as the whole walk finds it.

    The parts before that problem were all intact: their entries count as checked, like the
    entries before it in its own part. Two parts may name the same entry (a part ends where the
    trail does); the earlier one walked up to it and is the one the whole walk would give.
    """
    bad = [(v.first_bad_id, index) for index, v in enumerate(verdicts) if not v.ok]
    if not bad:
        verdict = verdicts[-1]
        checked = sum(v.checked for v in verdicts)
    else:
        _, index = min(bad, key=lambda found: (found[0] or 0, found[1]))
        verdict = verdicts[index]
        checked = sum(v.checked for v in verdicts[: index + 1])
    return Verdict(checked, verdict.seconds, verdict.first_bad_id, verdict.problem, verdict.head_hash)
