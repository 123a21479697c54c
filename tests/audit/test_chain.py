# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The hash chain: every entry sealed in order; any change, removal or insertion is found."""

import pytest
from django.core.management import CommandError, call_command

from audit.models import AuditEntry
from audit.services.chain import verify
from referrals import services
from tests.audit.helpers import HEAD_TABLE, TABLE, tamper


@pytest.fixture
def trail(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    services.referral_accept(referral=draft, actor=world.people.kees)
    return list(AuditEntry.objects.order_by("id").values_list("id", flat=True))


def test_every_entry_is_sealed_with_gap_free_ids(trail):
    assert len(trail) > 10
    assert trail == list(range(trail[0], trail[0] + len(trail)))
    assert not AuditEntry.objects.filter(chain_hash="").exists()
    verdict = verify()
    assert verdict.ok, verdict.problem
    assert verdict.checked == len(trail)


def test_inside_a_transaction_verifying_stays_in_one_process(trail):
    """Worker processes could not see this transaction's uncommitted entries (here: the test's)."""
    verdict = verify(chunk_size=1, jobs=2)
    assert verdict.ok, verdict.problem
    assert (verdict.jobs, verdict.checked) == (1, len(trail))


def test_verify_audit_reports_ok_and_speed(trail, capsys):
    call_command("verify_audit")
    out = capsys.readouterr().out
    assert f"OK: {len(trail)} entries" in out
    assert "entries/second" in out


def test_a_changed_entry_is_found(trail):
    victim = trail[5]
    tamper(f"UPDATE {TABLE} SET reason = %s WHERE id = %s", ["niets aan de hand", victim])
    verdict = verify()
    assert verdict.first_bad_id == victim
    assert "changed" in verdict.problem
    with pytest.raises(CommandError, match=f"entry {victim}"):
        call_command("verify_audit")


def test_a_changed_actor_is_found(trail, world):
    victim = trail[3]
    tamper(f"UPDATE {TABLE} SET actor_id = %s WHERE id = %s", [world.people.bas.pk, victim])
    assert verify().first_bad_id == victim


def test_a_removed_entry_is_found(trail):
    victim = trail[4]
    tamper(f"DELETE FROM {TABLE} WHERE id = %s", [victim])
    verdict = verify()
    assert verdict.first_bad_id == victim
    assert "removed" in verdict.problem


def test_entries_removed_from_the_end_are_found(trail):
    tamper(f"DELETE FROM {TABLE} WHERE id >= %s", [trail[-2]])
    verdict = verify()
    assert verdict.first_bad_id == trail[-2]
    assert "removed" in verdict.problem


def test_an_inserted_entry_is_found(trail):
    last = AuditEntry.objects.get(pk=trail[-1])
    forged_id = trail[-1] + 1
    tamper(
        f"INSERT INTO {TABLE} (id, object_pk, object_id, object_repr, action, changes_text, timestamp, "
        "content_type_id, role, pseudonym, processing_activity, reason, chain_hash) "
        "VALUES (%s, %s, %s, %s, 3, '', %s, %s, '', %s, 'referral', '', %s)",
        [
            forged_id,
            last.object_pk,
            last.object_id,
            last.object_repr,
            last.timestamp,
            last.content_type_id,
            last.pseudonym,
            "0" * 64,
        ],
    )
    verdict = verify()
    assert verdict.first_bad_id == forged_id
    assert "inserted" in verdict.problem


def test_an_entry_rewritten_with_a_recomputed_hash_breaks_the_next_link(trail):
    from audit.services.chain import HASHED_FIELDS, SPAN_FIELDS, link

    victim = trail[2]
    previous_hash = AuditEntry.objects.get(pk=victim - 1).chain_hash
    fields = (*HASHED_FIELDS, *SPAN_FIELDS)
    values = dict(zip(fields, AuditEntry.objects.filter(pk=victim).values_list(*fields).get(), strict=True))
    values["reason"] = "verzonnen"
    tamper(
        f"UPDATE {TABLE} SET reason = %s, chain_hash = %s WHERE id = %s",
        ["verzonnen", link(previous_hash, values), victim],
    )
    verdict = verify()
    assert verdict.first_bad_id == victim + 1


def test_a_removed_chain_head_is_found(trail):
    tamper(f"DELETE FROM {HEAD_TABLE}")
    assert verify().problem == "the chain head is missing"


def test_a_trail_wiped_with_its_head_is_not_ok(trail):
    """What `manage.py flush` (TRUNCATE of every table) leaves: no entries and no head. A migrated
    database always has the head row, so this is a wiped trail, not a new one."""
    tamper(f"DELETE FROM {TABLE}")
    tamper(f"DELETE FROM {HEAD_TABLE}")
    verdict = verify()
    assert not verdict.ok
    assert verdict.problem == "the chain head is missing"
    with pytest.raises(CommandError, match="audit trail broken"):
        call_command("verify_audit")


def test_an_emptied_trail_is_refused_when_the_head_says_entries_existed(trail, capsys):
    tamper(f"DELETE FROM {TABLE}")
    verdict = verify()
    assert verdict.first_bad_id == 1
    assert verdict.problem == f"the trail is empty, but the chain head says {trail[-1]} entries were written: removed"
    with pytest.raises(CommandError, match="audit trail broken at entry 1"):
        call_command("verify_audit")
    assert "OK" not in capsys.readouterr().out


def test_a_head_that_counts_more_entries_than_there_are_is_found(trail):
    tamper(f"UPDATE {HEAD_TABLE} SET last_entry_id = last_entry_id + 2")
    verdict = verify()
    assert verdict.first_bad_id == trail[-1] + 1
    assert verdict.problem == f"entries {trail[-1] + 1}..{trail[-1] + 2} are missing at the end: removed"


def test_a_head_that_counts_fewer_entries_than_there_are_is_found(trail):
    tamper(f"UPDATE {HEAD_TABLE} SET last_entry_id = last_entry_id - 1")
    verdict = verify()
    assert verdict.first_bad_id == trail[-1]
    assert "inserted" in verdict.problem


def test_a_head_whose_hash_the_chain_does_not_end_in_is_found(trail):
    tamper(f"UPDATE {HEAD_TABLE} SET last_hash = %s", ["f" * 64])
    verdict = verify()
    assert verdict.first_bad_id == trail[-1]
    assert verdict.problem == (
        f"the chain ends at entry {trail[-1]} in another hash than the chain head holds: rewritten"
    )


def _head_anchor(capsys) -> str:
    call_command("verify_audit")
    line = next(li for li in capsys.readouterr().out.splitlines() if li.startswith("Chain head: "))
    return line.removeprefix("Chain head: ")


def test_an_anchor_written_down_earlier_still_matches_an_intact_trail(trail, world, draft, capsys):
    anchor = _head_anchor(capsys)
    from django.utils import timezone

    services.referral_record_first_contact(
        referral=draft, actor=world.people.kees, on=timezone.localdate(), way="phone"
    )  # the trail grows
    call_command("verify_audit", anchor=anchor)
    out = capsys.readouterr().out
    assert "OK:" in out
    assert f"Anchor {anchor.partition(':')[0]} matches" in out


@pytest.mark.parametrize("anchor", ["", "   ", "12", "12:", ":abc", "x:" + "a" * 64, "0:(empty)", "3:" + "a" * 63])
def test_a_malformed_anchor_is_a_usage_error_not_a_skipped_check(trail, anchor, capsys):
    with pytest.raises(CommandError, match="--anchor must look like ID:HASH") as raised:
        call_command("verify_audit", anchor=anchor)
    assert raised.value.returncode == 2
    assert "OK" not in capsys.readouterr().out


def test_an_empty_anchor_on_the_command_line_exits_nonzero_with_a_clear_message():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    # The argument is refused before the database is opened.
    done = subprocess.run(
        [sys.executable, "manage.py", "verify_audit", "--anchor", ""], cwd=root, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "--anchor must look like ID:HASH" in done.stderr
    assert "Traceback" not in done.stderr
    assert "OK" not in done.stdout


def test_an_anchor_beyond_the_end_of_the_trail_does_not_match(trail, capsys):
    anchor = _head_anchor(capsys)
    entry_id, _, chain_hash = anchor.partition(":")
    with pytest.raises(CommandError, match="does not match the anchor"):
        call_command("verify_audit", anchor=f"{int(entry_id) + 5}:{chain_hash}")


def test_emptying_the_trail_and_resetting_the_head_is_caught_by_the_anchor(trail, capsys):
    anchor = _head_anchor(capsys)
    tamper(f"DELETE FROM {TABLE}")
    tamper(f"UPDATE {HEAD_TABLE} SET last_entry_id = 0, last_hash = ''")
    assert verify().ok  # the chain alone cannot tell: it is consistent, and empty
    with pytest.raises(CommandError, match="does not match the anchor"):
        call_command("verify_audit", anchor=anchor)
