# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A restored backup must not bring an erased resident back: the erasure journal and `reapply_erasures`.

A backup restore is mimicked by dumping the resident's rows (data key included)
with Django's serializers before the erasure and loading them back after it.
"""

import json
import threading
from io import StringIO

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command
from django.utils import timezone

from audit.models import AuditEntry, AuditReason
from referrals.models import Case, Consent, PlanGoal, Referral, Resident, State, SubjectRequest, crypto
from referrals.services.erasure_journal import ErasureJournalError, erasure_record, journal_line, journal_read
from referrals.services.subject_rights import resident_erase
from tests.factories import open_case


@pytest.fixture
def journal(settings, tmp_path):
    settings.ERASURE_JOURNAL_PATH = tmp_path / "erasure-journal.jsonl"
    return settings.ERASURE_JOURNAL_PATH


def _backup(resident) -> str:
    """Everything an erasure changes, as a backup made before it holds it."""
    rows = [
        Resident.objects.get(pk=resident.pk),
        *Case.objects.filter(resident=resident),
        *Referral.objects.filter(case__resident=resident),
        *PlanGoal.objects.filter(case__resident=resident),
        *Consent.objects.filter(resident=resident),
    ]
    return serializers.serialize("json", rows)


def _restore(backup: str, resident) -> None:
    # The backup predates the erasure, so it has no record of it either.
    SubjectRequest.objects.filter(resident=resident).delete()
    # Column by column, as a restore writes them: no model code, no signals.
    for row in serializers.deserialize("json", backup):
        obj = row.object
        columns = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
        assert type(obj).objects.filter(pk=obj.pk).update(**columns) == 1


def _reapply(*args) -> str:
    out = StringIO()
    call_command("reapply_erasures", *args, stdout=out)
    return out.getvalue()


def _erased_and_restored(world, draft):
    resident = draft.case.resident
    backup = _backup(resident)
    assert resident_erase(resident=resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    _restore(backup, resident)
    restored = Resident.objects.get(pk=resident.pk)
    assert restored.erased_at is None and restored.family_name == "Jansen"  # back, readable
    return restored


def test_a_restored_resident_is_erased_again_through_the_erasure_service(world, draft, journal):
    resident = _erased_and_restored(world, draft)

    out = _reapply()

    assert "Erased again: 1 resident(s)." in out
    resident = Resident.objects.get(pk=resident.pk)
    assert resident.erased_at and resident.wrapped_data_key == "" and resident.match_hash == ""
    with pytest.raises(crypto.DataErased):
        resident.family_name
    referral = Referral.objects.get(pk=draft.pk)
    assert referral.summary_ciphertext == "" and referral.state == State.STOPPED
    assert all(c.purpose_ciphertext == "" for c in Consent.objects.filter(resident=resident))
    request = SubjectRequest.objects.get(resident=resident)
    assert request.kind == SubjectRequest.Kind.ERASURE and request.handled_by is None
    today = timezone.now().date().isoformat()
    assert request.reason == f"opnieuw gewist na herstel van een back-up (gewist op {today})"
    entry = AuditEntry.objects.filter(pseudonym=resident.pseudonym, content_type__model="resident").latest("pk")
    assert (entry.processing_activity, entry.reason) == ("subject_rights", AuditReason.ERASURE_REAPPLIED)
    # Printed: counts, never a name or a pseudonym.
    assert resident.pseudonym not in out and "Jansen" not in out


def test_reapplying_twice_erases_nothing_more(world, draft, journal):
    _erased_and_restored(world, draft)
    _reapply()
    out = _reapply()
    assert "Erased again: 0 resident(s)." in out and "already erased in this database: 1" in out
    assert SubjectRequest.objects.filter(resident=draft.case.resident).count() == 1


def test_a_retention_erasure_is_reapplied_as_retention(world, draft, journal):
    resident = draft.case.resident
    backup = _backup(resident)
    resident_erase(resident=resident, reason="bewaartermijn verstreken", kind=SubjectRequest.Kind.RETENTION)
    assert json.loads(journal.read_text())["kind"] == "retention"
    _restore(backup, resident)
    _reapply()
    request = SubjectRequest.objects.get(resident=resident)
    assert request.kind == SubjectRequest.Kind.RETENTION
    entry = AuditEntry.objects.filter(pseudonym=resident.pseudonym, content_type__model="resident").latest("pk")
    assert entry.processing_activity == "retention"


def test_a_dry_run_changes_nothing(world, draft, journal):
    resident = _erased_and_restored(world, draft)
    written = journal.read_bytes()

    out = _reapply("--dry-run")

    assert "Dry run: 1 resident(s) would be erased again." in out
    assert Resident.objects.get(pk=resident.pk).family_name == "Jansen"
    assert not SubjectRequest.objects.filter(resident=resident).exists()
    assert journal.read_bytes() == written


def test_the_journal_line_holds_no_personal_data(world, case, journal):
    resident = case.resident
    values = [resident.given_name, resident.family_name, resident.phone, str(resident.birth_year)]
    resident_erase(resident=resident, actor=world.people.fatima, reason="verzoek van mevrouw Jansen, 0612345678")

    text = journal.read_text()
    record = json.loads(text)
    assert set(record) == {"pseudonym", "erased_at", "kind", "mac"}
    assert (record["pseudonym"], record["kind"]) == (resident.pseudonym, "request")
    assert [value for value in [*values, "mevrouw", resident.uid.hex, str(resident.uid)] if value in text] == []


def test_a_changed_line_is_refused_and_nothing_is_erased(world, draft, journal):
    resident = _erased_and_restored(world, draft)
    other = open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie, family_name="Bakker")
    # Someone points the signed line at another resident.
    journal.write_text(journal.read_text().replace(resident.pseudonym, other.resident.pseudonym))

    err = StringIO()
    with pytest.raises(CommandError, match=r"1 line\(s\) of .* do not verify; nothing was erased"):
        call_command("reapply_erasures", stdout=StringIO(), stderr=err)

    assert "line 1: does not verify" in err.getvalue()
    assert Resident.objects.get(pk=other.resident.pk).family_name == "Bakker"
    assert Resident.objects.get(pk=resident.pk).family_name == "Jansen"


def test_a_line_signed_with_another_key_is_refused(world, draft, journal, settings):
    resident = _erased_and_restored(world, draft)
    settings.ERASURE_JOURNAL_KEY = "a key the attacker made up"
    journal.write_bytes(journal_line(pseudonym=resident.pseudonym, erased_at=timezone.now(), kind="request"))
    settings.ERASURE_JOURNAL_KEY = "dev-only-erasure-journal-key"

    with pytest.raises(CommandError, match="do not verify"):
        call_command("reapply_erasures", stdout=StringIO(), stderr=StringIO())
    assert Resident.objects.get(pk=resident.pk).erased_at is None


def test_an_erasure_whose_line_cannot_be_written_does_not_happen(world, case, settings, tmp_path):
    settings.ERASURE_JOURNAL_PATH = tmp_path / "not-mounted" / "erasure-journal.jsonl"
    with pytest.raises(ErasureJournalError):
        resident_erase(resident=case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    resident = Resident.objects.get(pk=case.resident.pk)
    assert resident.erased_at is None and resident.family_name == "Jansen"
    assert not SubjectRequest.objects.filter(resident=resident).exists()


def test_an_unfinished_write_does_not_swallow_the_next_line(world, draft, journal):
    # A write that stopped halfway (disk full, crash): its erasure never committed.
    journal.write_bytes(b'{"erased_at":"2025-01-0')
    resident = _erased_and_restored(world, draft)

    out = _reapply()

    assert "Ignored unfinished line(s) 1" in out and "Erased again: 1 resident(s)." in out
    assert Resident.objects.get(pk=resident.pk).erased_at is not None


def test_a_missing_journal_is_an_error_not_a_clean_run(db, journal):
    with pytest.raises(CommandError, match="No erasure journal at .*not part of the database backup"):
        call_command("reapply_erasures", stdout=StringIO())


def test_erased_residents_the_journal_does_not_name_are_reported(world, case, journal, tmp_path):
    resident_erase(resident=case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    empty = tmp_path / "another-journal.jsonl"
    empty.write_text("")
    out = _reapply("--journal", str(empty))
    assert "erased in this database but missing from the journal: 1" in out


def test_concurrent_writers_each_get_a_whole_line(journal):
    def write(n):
        for i in range(50):
            pseudonym = f"R-{n}{i:07d}".translate(str.maketrans("01", "AB"))  # the alphabet has no 0 or 1
            erasure_record(pseudonym=pseudonym, erased_at=timezone.now(), kind="request")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(2, 10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    read = journal_read(journal)
    assert (len(read.entries), read.unfinished, read.refused) == (400, [], [])
