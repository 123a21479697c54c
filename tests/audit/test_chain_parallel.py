# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""`verify(jobs=N)`: parts of the trail walked in processes of their own give the verdict of one walk.

Every kind of tampering is put where the parts meet (the last entry of one part, the first of
the next, a gap across the boundary) and the verdict — first bad entry, problem, entries
checked, head hash — must be the sequential walk's. The data is committed (transactional
tests): the workers read it on connections of their own. On SQLite verifying stays in one
process (jobs falls back to 1) and the verdicts must be the same all the same.
"""

import os

import pytest
from django.core.management import call_command
from django.db import connection

from audit.models import AuditChainHead, AuditEntry
from audit.services.chain import HASHED_FIELDS, SPAN_FIELDS, Anchor, link, verify
from audit.services.chain_jobs import default_jobs, ranges
from audit.services.trail import log_access
from tests.audit.helpers import HEAD_TABLE, TABLE, tamper

pytestmark = pytest.mark.django_db(transaction=True)

CHUNK = 2  # parts of a few entries each: a trail of tens of entries is verified in 3 processes
JOBS = 3  # a first, a middle and a last part


def _parallel() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def trail(world, case):
    for _ in range(12):
        log_access(
            actor=world.people.fatima,
            obj=case,
            activity="case_management",
            organisation=world.orgs.waterlelie,
            fields=["phone"],
        )
    ids = list(AuditEntry.objects.order_by("id").values_list("id", flat=True))
    head = AuditChainHead.objects.get(pk=1).last_entry_id
    assert ids == list(range(1, head + 1))
    parts = ranges(head, JOBS)
    assert len(parts) == JOBS and parts[1][0] - parts[0][0] >= 4  # parts of several entries
    return {"head": head, "second": parts[1][0], "third": parts[2][0]}


def _verdict(verdict):
    return verdict.first_bad_id, verdict.problem, verdict.checked, verdict.head_hash


def _both(anchor=None):
    """The sequential verdict and the parallel ones (in 2 and in JOBS parts), which must be the same;
    returns the one in JOBS parts."""
    one = verify(chunk_size=CHUNK, anchor=anchor, jobs=1)
    assert one.jobs == 1
    for jobs in (2, JOBS):
        many = verify(chunk_size=CHUNK, anchor=anchor, jobs=jobs)
        assert many.jobs == (jobs if _parallel() else 1)
        assert _verdict(many) == _verdict(one)
    return many


def _stored_hash(entry_id):
    return AuditEntry.objects.get(pk=entry_id).chain_hash


def test_an_intact_trail_is_ok_in_parallel(trail):
    verdict = _both()
    assert verdict.ok
    assert verdict.checked == trail["head"]
    assert verdict.head_hash == _stored_hash(trail["head"])


@pytest.mark.parametrize("where", ["second", "second-1", "third", "third-1", "head"], ids=lambda w: f"changed-at-{w}")
def test_a_changed_entry_at_a_part_boundary(trail, where):
    name, _, minus = where.partition("-")
    victim = trail[name] - int(minus or 0)
    tamper(f"UPDATE {TABLE} SET reason = %s WHERE id = %s", ["niets aan de hand", victim])
    verdict = _both()
    assert verdict.first_bad_id == victim
    assert verdict.checked == victim - 1
    # The last entry of a part is told apart by the entry after it, which the next part owns.
    expected = "was changed after it was written" if victim < trail["head"] else "changed or inserted"
    assert expected in verdict.problem


@pytest.mark.parametrize("where", ["second", "second-1", "third-1"], ids=lambda w: f"removed-at-{w}")
def test_a_removed_entry_at_a_part_boundary(trail, where):
    name, _, minus = where.partition("-")
    victim = trail[name] - int(minus or 0)
    tamper(f"DELETE FROM {TABLE} WHERE id = %s", [victim])
    verdict = _both()
    assert verdict.first_bad_id == victim
    assert verdict.problem == f"entry {victim} is missing: removed (entry {victim + 1} follows entry {victim - 1})"
    assert verdict.checked == victim - 1


def test_a_gap_across_a_part_boundary(trail):
    first, last = trail["second"] - 1, trail["second"] + 1
    tamper(f"DELETE FROM {TABLE} WHERE id BETWEEN %s AND %s", [first, last])
    verdict = _both()
    assert verdict.first_bad_id == first
    assert verdict.problem == f"entry {first} is missing: removed (entry {last + 1} follows entry {first - 1})"


def test_entries_removed_from_a_part_boundary_to_the_end(trail):
    tamper(f"DELETE FROM {TABLE} WHERE id >= %s", [trail["second"]])
    verdict = _both()
    assert verdict.first_bad_id == trail["second"]
    assert verdict.problem == f"entries {trail['second']}..{trail['head']} are missing at the end: removed"
    assert verdict.checked == trail["second"] - 1


def test_an_emptied_trail_in_parallel(trail):
    tamper(f"DELETE FROM {TABLE}")
    verdict = _both()
    assert verdict.first_bad_id == 1
    assert verdict.problem.startswith("the trail is empty")


def test_an_entry_inserted_after_the_head(trail):
    last = AuditEntry.objects.get(pk=trail["head"])
    forged = trail["head"] + 1
    _insert_copy(last, forged)
    verdict = _both()
    assert verdict.first_bad_id == forged
    assert verdict.problem == f"entry {forged} comes after the last sealed entry {trail['head']}: inserted"
    assert verdict.checked == trail["head"]


def test_an_entry_inserted_before_the_first(trail):
    """The first part has no lower bound: an id below 1 is a row the chain does not account for."""
    _insert_copy(AuditEntry.objects.get(pk=1), 0)
    verdict = _both()
    assert verdict.first_bad_id == 1
    assert verdict.problem == "entry 1 is missing: removed (entry 0 follows entry 0)"


def _insert_copy(entry, entry_id):
    tamper(
        f"INSERT INTO {TABLE} (id, object_pk, object_id, object_repr, action, changes_text, timestamp, "
        "content_type_id, role, pseudonym, processing_activity, reason, chain_hash) "
        "VALUES (%s, %s, %s, %s, 3, '', %s, %s, '', %s, 'referral', '', %s)",
        [
            entry_id,
            entry.object_pk,
            entry.object_id,
            entry.object_repr,
            entry.timestamp,
            entry.content_type_id,
            entry.pseudonym,
            "0" * 64,
        ],
    )


def test_the_last_entry_of_a_part_rewritten_with_a_recomputed_hash(trail):
    """The next part starts from the stored (rewritten) hash: the link into it breaks, as in one walk."""
    victim = trail["second"] - 1
    fields = (*HASHED_FIELDS, *SPAN_FIELDS)
    values = dict(zip(fields, AuditEntry.objects.filter(pk=victim).values_list(*fields).get(), strict=True))
    values["reason"] = "verzonnen"
    recomputed = link(_stored_hash(victim - 1), values)
    tamper(f"UPDATE {TABLE} SET reason = %s, chain_hash = %s WHERE id = %s", ["verzonnen", recomputed, victim])
    verdict = _both()
    assert verdict.first_bad_id == victim + 1
    assert verdict.head_hash == recomputed


@pytest.mark.parametrize("change", [2, -1], ids=["head-counts-more", "head-counts-fewer"])
def test_a_head_that_does_not_count_the_entries(trail, change):
    tamper(f"UPDATE {HEAD_TABLE} SET last_entry_id = last_entry_id + %s", [change])
    verdict = _both()
    head = trail["head"]
    if change > 0:
        assert (verdict.first_bad_id, verdict.problem) == (
            head + 1,
            f"entries {head + 1}..{head + 2} are missing at the end: removed",
        )
    else:
        assert (verdict.first_bad_id, verdict.problem) == (
            head,
            f"entry {head} comes after the last sealed entry {head - 1}: inserted",
        )


def test_a_head_whose_hash_the_chain_does_not_end_in(trail):
    tamper(f"UPDATE {HEAD_TABLE} SET last_hash = %s", ["f" * 64])
    verdict = _both()
    assert verdict.first_bad_id == trail["head"]
    assert verdict.problem.endswith("in another hash than the chain head holds: rewritten")


@pytest.mark.parametrize("where", ["second", "third-1"], ids=lambda w: f"anchor-at-{w}")
def test_an_anchor_that_does_not_match_at_a_part_boundary(trail, where):
    name, _, minus = where.partition("-")
    entry_id = trail[name] - int(minus or 0)
    verdict = _both(Anchor(entry_id, "e" * 64))
    assert verdict.first_bad_id == entry_id
    assert "does not match the anchor" in verdict.problem
    assert _both(Anchor(entry_id, _stored_hash(entry_id))).ok


def test_an_anchor_beyond_the_end(trail):
    verdict = _both(Anchor(trail["head"] + 3, _stored_hash(trail["head"])))
    assert verdict.first_bad_id == trail["head"] + 3
    assert "does not match the anchor" in verdict.problem


def test_verify_audit_uses_processes_on_postgresql_and_one_on_sqlite(trail, capsys):
    call_command("verify_audit", "--jobs", str(JOBS), "--chunk-size", str(CHUNK))
    out = capsys.readouterr().out
    processes = f"{JOBS} processes" if _parallel() else "1 process"
    assert f"OK: {trail['head']} entries in " in out
    assert f"entries/second, {processes})" in out
    # Without --jobs: a process per CPU on PostgreSQL; SQLite's in-memory test database is one process's.
    assert default_jobs() == (min(os.cpu_count(), 8) if _parallel() else 1)


def test_a_small_trail_is_verified_in_one_process(trail):
    """Below two chunks per part starting processes costs more than it saves."""
    verdict = verify(chunk_size=trail["head"], jobs=JOBS)
    assert verdict.ok
    assert verdict.jobs == 1
