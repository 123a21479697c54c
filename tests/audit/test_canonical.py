# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The canonical bytes of an entry: one form for sealing and verifying, byte-identical to the JSON
the chain has always hashed (hashes stored before verify_audit was made fast must still verify)."""

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.contrib.contenttypes.models import ContentType

from audit.models import AuditEntry
from audit.services.chain import (
    CANONICAL_ORDER,
    HASHED_FIELDS,
    SPAN_FIELDS,
    canonical_bytes,
    link,
    plain_values,
    verify,
)
from directory.models import Organisation
from tests.audit.helpers import TABLE, tamper

_INT_FIELDS = ("id", "action", "content_type_id", "object_id", "actor_id", "remote_port", "organisation_id")
_JSON_FIELDS = ("changes", "additional_data", "serialized_data")


def _as_hashed_until_now(values: dict) -> bytes:
    """The canonical form as audit.services.chain wrote it before canonical_bytes (verbatim)."""
    stamp = values["timestamp"]
    form = {"timestamp": stamp.astimezone(UTC).isoformat() if stamp is not None else None}
    for name in HASHED_FIELDS[1:]:
        value = values[name]
        if value is None:
            form[name] = None
        elif name in _INT_FIELDS:
            form[name] = int(value)
        elif name in _JSON_FIELDS:
            form[name] = json.loads(json.dumps(value, default=str))
        else:
            form[name] = str(value)
    return json.dumps(form, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _every_field_set() -> dict:
    # A different value in every field, so that two fields swapped in the template show.
    values = {name: f'{name} "quoted" \\ é\n\x01' for name in HASHED_FIELDS}
    values.update({name: 100 + number for number, name in enumerate(_INT_FIELDS)})
    values.update(
        timestamp=datetime(2025, 3, 4, 5, 6, 7, 89, tzinfo=timezone(timedelta(hours=2))),
        changes={"b": [1, 2.5, None, True], "a": {"z": "ë", "y": ("tuple",)}},
        additional_data={"pseudonym": "R-12", "when": datetime(2025, 1, 1, tzinfo=UTC)},
        serialized_data=["x", {"2": 1, "10": 2}],
    )
    return values


@pytest.mark.parametrize(
    "values",
    [
        _every_field_set(),
        {name: None for name in HASHED_FIELDS},
        dict(_every_field_set(), timestamp=datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC), changes="plain text"),
    ],
    ids=["every field set", "every field empty", "no microseconds, text as JSON"],
)
def test_canonical_bytes_are_the_json_the_chain_always_hashed(values):
    expected = _as_hashed_until_now(values)
    assert canonical_bytes(plain_values(values)) == expected
    assert link("f" * 64, values) == hashlib.sha256(b"f" * 64 + expected).hexdigest()


@pytest.mark.parametrize(
    "span",
    [
        {
            "span_id": "00f067aa0ba902b7",
            "parent_span_id": "53995c3f42cd8ad8",
            "start_ms": 1735689600123,
            "activity_version": 2,
        },
        {"span_id": "00f067aa0ba902b7", "start_ms": 1735689600123},
        {"activity_version": 1},
    ],
    ids=["whole span", "no parent, no version", "version only"],
)
def test_span_fields_are_hashed_when_set_in_their_sorted_place(span):
    """The same JSON with sorted keys, the span fields that are set among them; unset ones left out."""
    values = {**_every_field_set(), **span}
    form = json.loads(_as_hashed_until_now(_every_field_set()))
    form.update(span)
    expected = json.dumps(form, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert canonical_bytes(plain_values(values)) == expected
    # An entry without them (sealed before they existed) keeps the bytes it was sealed with.
    assert canonical_bytes(plain_values(_every_field_set())) == _as_hashed_until_now(_every_field_set())
    assert set(SPAN_FIELDS) >= set(span)


def test_the_canonical_order_is_the_sorted_field_names():
    assert list(CANONICAL_ORDER) == sorted(HASHED_FIELDS)
    assert json.loads(canonical_bytes(plain_values(_every_field_set()))).keys() == set(HASHED_FIELDS)


@pytest.mark.parametrize(
    "stamp",
    [
        datetime(2025, 1, 1, 9, 0, 0, tzinfo=UTC),  # no fraction: isoformat() leaves it out
        datetime(2025, 6, 30, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-5))),
        datetime(2025, 3, 30, 2, 30, 0, 500000, tzinfo=timezone(timedelta(hours=2))),
    ],
)
def test_entries_with_any_timestamp_verify_as_the_database_hands_them_over(world, stamp):
    """verify_audit has the database write the timestamp as text; it must be the text sealing hashed."""
    entry = AuditEntry(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_pk="7",
        object_id=7,
        object_repr="Kredietbank",
        action=AuditEntry.Action.UPDATE,
        changes={"name": ["Oud", "Nieuw"]},
        timestamp=stamp,
        processing_activity="administration",
    )
    entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).timestamp == stamp
    verdict = verify()
    assert verdict.ok, verdict.problem


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("timestamp", None),  # one microsecond later
        ("changes", '{"fields": ["phone"]}'),
        ("additional_data", '{"pseudonym": "R-0"}'),
        ("remote_addr", "10.0.0.1"),
        ("object_id", 999999),
        ("changes_text", "\x01"),
        ("span_id", "0000000000000001"),
        ("parent_span_id", "0000000000000002"),  # set where it was NULL
        ("start_ms", 1),
        ("activity_version", None),  # taken away
    ],
)
def test_a_change_in_any_column_is_found(world, draft, column, value):
    from referrals import services

    services.referral_send(referral=draft, actor=world.people.fatima)
    victim = AuditEntry.objects.order_by("id").values_list("id", flat=True)[2]
    if column == "timestamp":
        value = AuditEntry.objects.get(pk=victim).timestamp + timedelta(microseconds=1)
    if column in ("changes", "additional_data") and tamper_needs_cast():
        tamper(f"UPDATE {TABLE} SET {column} = %s::jsonb WHERE id = %s", [value, victim])
    elif column == "remote_addr" and tamper_needs_cast():
        tamper(f"UPDATE {TABLE} SET {column} = %s::inet WHERE id = %s", [value, victim])
    else:
        tamper(f"UPDATE {TABLE} SET {column} = %s WHERE id = %s", [value, victim])
    verdict = verify()
    assert verdict.first_bad_id == victim
    assert "changed" in verdict.problem


def tamper_needs_cast() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def test_entries_with_any_text_verify_as_the_database_writes_them(world):
    """PostgreSQL writes the canonical text itself (to_json): its escaping must be Python's, byte for byte."""
    odd = 'quote " backslash \\ newline \n tab \t cr \r bell \x07 esc \x1b del \x7f é ﬁ 💶 \u2028 </script>'
    entry = AuditEntry(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_pk=odd,
        object_id=7,
        object_repr=odd,
        action=AuditEntry.Action.UPDATE,
        changes={"name": [odd, "Nieuw"], "ä": None, "n": [1.5, 10, True]},
        changes_text=odd,
        actor_email=odd,
        cid=odd,
        remote_addr="2001:db8::1",
        remote_port=65535,
        role=odd[:20],
        pseudonym="R-\n\"'",
        processing_activity=odd[:50],
        reason=odd,
        additional_data={"odd": odd, "b": {"a": [odd]}},
        serialized_data=[odd],
        parent_span_id='\x01"\\',
        activity_version=3,
    )
    entry.save()
    verdict = verify()
    assert verdict.ok, verdict.problem
    assert verdict.checked == AuditEntry.objects.count()
