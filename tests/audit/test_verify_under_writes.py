# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""`verify_audit` while the service writes: no false alarm, and tampering is still found.

Writers seal an entry and move the chain head in one transaction. A verifier that reads the head
and then the entries in two snapshots sees entries the head does not know yet ("inserted");
it must read both in one.
"""

import threading
import time

import pytest
from django.db import connections, transaction

from audit.models import AuditChainHead
from audit.services.chain import verify
from audit.services.trail import log_access
from referrals.services.cases import case_add_goal
from tests.audit.helpers import TABLE, tamper

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

RUNS = 40  # before the fix about one run in five raised a false alarm here


class Writers:
    """Threads that keep appending to the trail through the services until stopped."""

    def __init__(self, world, case, count=2):
        self.stop = threading.Event()
        self.errors: list[BaseException] = []
        self.written = [0] * count
        self.threads = [threading.Thread(target=self._write, args=(world, case, i)) for i in range(count)]

    def _write(self, world, case, index):
        fatima, school = world.people.fatima, world.orgs.waterlelie
        try:
            while not self.stop.is_set():
                if self.written[index] % 2:  # a change: the goal and its entry in one transaction
                    case_add_goal(case=case, actor=fatima, text=f"Doel {index}.{self.written[index]}")
                else:  # a view of personal data: an ACCESS entry on its own
                    log_access(
                        actor=fatima, obj=case, activity="case_management", organisation=school, fields=["phone"]
                    )
                self.written[index] += 1
        except BaseException as exc:  # reported by the test
            self.errors.append(exc)
        finally:
            connections.close_all()

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)


def _head() -> int:
    return AuditChainHead.objects.get(pk=1).last_entry_id


def test_verify_raises_no_false_alarm_and_misses_no_tampering_while_the_service_writes(world, case):
    with Writers(world, case) as writers:
        deadline = time.monotonic() + 10
        while min(writers.written) < 2 and time.monotonic() < deadline:  # both writers are under way
            time.sleep(0.01)
        head_before = _head()
        verdicts = [verify() for _ in range(RUNS)]
        head_after = _head()

        victim = 3
        with transaction.atomic():
            tamper(f"UPDATE {TABLE} SET reason = %s WHERE id = %s", ["niets aan de hand", victim])
        written_at_tampering = sum(writers.written)
        after_tampering = [verify() for _ in range(10)]
        written_at_end = sum(writers.written)

    assert writers.errors == []
    assert head_after > head_before, "the writers did not write while verify ran"
    assert [v.problem for v in verdicts if not v.ok] == []
    # Each run saw a chain of its own moment: they did not all read the same one.
    assert len({v.checked for v in verdicts}) > 1
    assert [(v.first_bad_id, "changed" in v.problem) for v in after_tampering] == [(victim, True)] * 10
    assert written_at_end > written_at_tampering, "the writers did not write while verify ran after tampering"


def test_parallel_parts_share_one_snapshot_while_the_service_writes(world, case):
    """Each worker walks its part in the snapshot the parent exported: entries committed while
    the parts are read (between one worker's start and another's) are in none of them."""
    with Writers(world, case) as writers:
        deadline = time.monotonic() + 10
        while min(writers.written) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        head_before = _head()
        verdicts = [verify(chunk_size=2, jobs=2) for _ in range(RUNS // 2)]
        head_after = _head()

    assert writers.errors == []
    assert head_after > head_before, "the writers did not write while verify ran"
    assert {v.jobs for v in verdicts} == {2}
    assert [v.problem for v in verdicts if not v.ok] == []
    assert len({v.checked for v in verdicts}) > 1
