# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Unusual access is flagged; the audit commands print and export what they promise."""

import json
from datetime import date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEntry, PrivacyFlag
from audit.services.flags import detect_unusual_access
from referrals import services
from tests.factories import member

WEDNESDAY = date(2026, 11, 18)


def at(day, hour, minute=0):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def read(user, obj, moment, *, pseudonym="", organisation=None, role="intake"):
    return AuditEntry.objects.log_create(
        obj,
        force_log=True,
        action=AuditEntry.Action.ACCESS,
        actor=user,
        timestamp=moment,
        processing_activity="referral",
        pseudonym=pseudonym,
        organisation=organisation,
        role=role,
    )


@pytest.fixture
def sent(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    return draft


def kinds(flags):
    return sorted(f.kind for f in flags)


def test_reads_in_office_hours_raise_no_flag(world, sent):
    for hour in (7, 12, 18):
        read(world.people.kees, sent, at(WEDNESDAY, hour, 30), organisation=world.orgs.kredietbank)
    assert detect_unusual_access(day=WEDNESDAY) == []


def test_reads_at_night_and_in_the_weekend_are_flagged_once(world, sent):
    kees, org = world.people.kees, world.orgs.kredietbank
    read(kees, sent, at(WEDNESDAY, 23, 15), organisation=org)
    flags = detect_unusual_access(day=WEDNESDAY)
    assert kinds(flags) == ["outside_hours"]
    assert (flags[0].actor, flags[0].organisation, flags[0].pseudonym) == (kees, org, sent.case.resident.pseudonym)
    assert detect_unusual_access(day=WEDNESDAY) == []  # a second run adds nothing
    saturday = WEDNESDAY + timedelta(days=3)
    read(kees, sent, at(saturday, 11), organisation=org)
    assert kinds(detect_unusual_access(day=saturday)) == ["outside_hours"]


def test_a_user_reading_far_more_residents_than_usual_is_flagged(world, sent):
    kees = world.people.kees
    for days_back in range(1, 8):  # a usual week: two residents a day
        for n in range(2):
            read(kees, sent, at(WEDNESDAY - timedelta(days=days_back), 10), pseudonym=f"R-USUAL{n:03d}")
    for n in range(20):
        read(kees, sent, at(WEDNESDAY, 10, n), pseudonym=f"R-MANY{n:04d}")
    flags = detect_unusual_access(day=WEDNESDAY)
    assert kinds(flags) == ["many_residents"]
    assert flags[0].actor == kees
    assert flags[0].details["residents"] == 20


def test_a_busy_user_reading_their_usual_number_is_not_flagged(world, sent):
    kees = world.people.kees
    for days_back in range(1, 29):
        for n in range(10):
            read(kees, sent, at(WEDNESDAY - timedelta(days=days_back), 10), pseudonym=f"R-BUSY{n:04d}")
    for n in range(20):
        read(kees, sent, at(WEDNESDAY, 10, n), pseudonym=f"R-MANY{n:04d}")
    assert detect_unusual_access(day=WEDNESDAY) == []


def test_an_administrator_reading_another_organisations_referral_is_flagged(world, sent):
    bea = world.people.bea  # functional administrator at the municipality
    read(bea, sent, at(WEDNESDAY, 10), organisation=world.orgs.gemeente, role="admin")
    flags = detect_unusual_access(day=WEDNESDAY)
    assert kinds(flags) == ["admin_read"]
    assert (flags[0].actor, flags[0].referral) == (bea, sent)


def test_an_administrator_of_the_receiving_organisation_is_not_flagged(world, sent):
    from policies.roles import Role

    admin = member(world.people.bea, world.orgs.kredietbank, Role.ADMIN)
    read(admin, sent, at(WEDNESDAY, 10), organisation=world.orgs.kredietbank, role="admin")
    assert detect_unusual_access(day=WEDNESDAY) == []


def test_flags_are_written_to_the_audit_trail_as_review(world, sent):
    read(world.people.kees, sent, at(WEDNESDAY, 3), organisation=world.orgs.kredietbank)
    flag = detect_unusual_access(day=WEDNESDAY)[0]
    entry = AuditEntry.objects.get(content_type__model="privacyflag", object_id=flag.pk)
    assert entry.processing_activity == "audit_review"


def test_detect_unusual_access_command(world, sent, capsys):
    read(world.people.kees, sent, at(WEDNESDAY, 5), organisation=world.orgs.kredietbank)
    call_command("detect_unusual_access", "--day", WEDNESDAY.isoformat())
    assert "1 new flag(s)" in capsys.readouterr().out
    assert PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.OUTSIDE_HOURS).count() == 1


def test_processing_register_command_prints_every_activity(capsys):
    from policies.register import ACTIVITIES

    call_command("processing_register")
    out = capsys.readouterr().out
    for item in ACTIVITIES.values():
        assert item.name in out and item.purpose in out and item.retention_text in out


def test_export_audit_command_writes_json_lines_in_chain_order(world, sent, tmp_path):
    target = tmp_path / "audit.jsonl"
    today = timezone.localdate().isoformat()
    call_command("export_audit", "--format", "jsonl", "--since", today, "--until", today, "--output", str(target))
    records = [json.loads(line) for line in target.read_text().splitlines()]
    ids = [int(r["attributes"]["overdracht.entry_id"]) for r in records]
    assert ids == sorted(ids) and len(ids) == AuditEntry.objects.count()
    assert {r["status_code"] for r in records} == {1}  # STATUS_CODE_OK


def test_export_audit_command_writes_csv_to_stdout(world, sent, capsys):
    call_command("export_audit", "--format", "csv", "--pseudonym", sent.case.resident.pseudonym)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("id,timestamp,trace_id,processing_activity")
    assert len(out) > 3 and all(sent.case.resident.pseudonym in line for line in out[1:])
