# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The processing register is complete (AVG art. 30 lid 1, art. 9 lid 2), versioned, and served as
JSON in the shape of VNG's register API (issue 16, point 5)."""

from __future__ import annotations

import dataclasses
import json
import uuid
from pathlib import Path

from django.urls import reverse

from audit.models import AuditEntry
from audit.selectors.export import logboek_record
from audit.services.trail import log_access
from policies.register import ACTIVITIES, security_measures
from tests.standards import schemas

DIGESTS = Path(__file__).resolve().parents[2] / "policies" / "register_digests.json"


def _register(client, world) -> dict:
    client.force_login(world.people.priya)
    response = client.get(reverse("privacy:register_json"))
    assert response.status_code == 200
    return response.json()


def test_every_activity_validates_against_vngs_register_schema_and_names_every_art_30_field(client, world):
    register = _register(client, world)
    assert register["count"] == len(ACTIVITIES) == len(register["results"])
    assert register["next"] is None and register["previous"] is None
    validator = schemas.vng_validator("Verwerkingsactiviteit")
    for item in register["results"]:
        assert schemas.errors(validator, item) == [], item["naam"]
        assert item["verantwoordelijke"]["naam"] and item["verantwoordelijke"]["contact"]  # a: controller + contact
        assert item["functionarisGegevensbescherming"]  # a: the FG
        assert item["doel"] and item["grondslag"] and item["toelichtingGrondslag"]  # b: purposes
        assert item["categorieenBetrokkenen"] and item["verwerktePersoonsgegevens"]  # c: subjects, data
        assert item["toelichtingOntvangers"]  # d: recipients (by category in afnemendeCategorieOntvangers)
        assert (
            item["afnemendeInternationaleDerden"] == []
            and "buiten de Europese Economische Ruimte" in (item["doorgifteBuitenEer"])
        )  # e: no transfers
        assert item["bewaartermijn"] and "{" not in item["bewaartermijn"]  # f: retention, filled in
        assert len(item["beveiligingsmaatregelen"]) >= 4  # g: security measures
        assert item["versie"] >= 1 and item["geldigVanaf"] and item["kenmerk"].endswith(f":v{item['versie']}")
    subjects = {s for item in register["results"] for s in item["categorieenBetrokkenen"]}
    assert any("Medewerkers" in s for s in subjects) and any("Signaleerders" in s for s in subjects)
    roles = {row["rolBetrokkene"] for item in register["results"] for row in item["verwerktePersoonsgegevens"]}
    assert any("Medewerkers" in r for r in roles)  # staff data is personal data too
    health = [i for i in register["results"] if i["bijzonderePersoonsgegevens"]["categorieen"]]
    assert health and all("art. 9 lid 2" in i["bijzonderePersoonsgegevens"]["uitzonderingsgrond"] for i in health)


def test_retention_and_measures_follow_the_real_settings(client, world, settings):
    settings.RETENTION_DAYS_AFTER_CLOSE = 200
    settings.SIGNAL_RETENTION_DAYS = 90
    register = {item["id"]: item for item in _register(client, world)["results"]}
    assert "200 dagen" in register[str(ACTIVITIES["case_management"].uuid)]["bewaartermijn"]
    assert "90 dagen" in register[str(ACTIVITIES["signals"].uuid)]["bewaartermijn"]
    measures = " ".join(register[str(ACTIVITIES["referral"].uuid)]["beveiligingsmaatregelen"])
    assert "AES-GCM" in measures and "hash-keten" in measures and "Tweestapsverificatie: niet verplicht" in measures
    # (With two factors required the test client would first have to pass the code page.)
    settings.REQUIRE_TWO_FACTOR = True
    assert "Tweestapsverificatie: verplicht" in " ".join(security_measures())


def test_one_activity_by_its_stable_uuid_and_404_for_everyone_else(client, world):
    referral = ACTIVITIES["referral"]
    # Stable: derived from the code, the same in every installation and every release.
    assert str(referral.uuid) == str(uuid.uuid5(uuid.UUID("3c1f7a52-9d5e-4b8a-a6c2-2f0e8d4b7c11"), "referral"))
    url = reverse("privacy:register_activity", args=[referral.uuid])
    assert client.get(url).status_code == 404
    client.force_login(world.people.kees)
    assert client.get(url).status_code == 404
    assert client.get(reverse("privacy:register_json")).status_code == 404
    client.force_login(world.people.priya)
    item = client.get(url).json()
    assert item["id"] == str(referral.uuid) and item["naam"] == referral.name
    assert client.get(reverse("privacy:register_activity", args=[uuid.uuid4()])).status_code == 404
    assert AuditEntry.objects.filter(actor=world.people.priya, reason="verwerkingsregister bekeken").exists()


def test_a_changed_activity_needs_a_new_version():
    """register_digests.json holds the digest of every version: an activity whose text changed while
    its version stayed fails here. Raise its version and valid_from, then add the new digest
    (`manage.py processing_register --digests`)."""
    recorded = json.loads(DIGESTS.read_text())
    for code, activity in ACTIVITIES.items():
        assert recorded[code][str(activity.version)] == activity.digest(), f"{code}: new version needed"
    changed = dataclasses.replace(ACTIVITIES["referral"], purpose="Iets anders.")
    assert changed.digest() != ACTIVITIES["referral"].digest()


def test_new_audit_entries_name_the_activitys_version(world):
    entry = log_access(actor=None, obj=world.orgs.kredietbank, activity="referral")
    assert entry.activity_version == ACTIVITIES["referral"].version
    assert logboek_record(entry)["attributes"]["dpl.core.processing_activity_id"] == ACTIVITIES["referral"].uri


def test_the_register_page_shows_the_art_30_fields(client, world):
    client.force_login(world.people.priya)
    html = client.get(reverse("privacy:register")).content.decode()
    for text in ("Functionaris gegevensbescherming", "Doorgifte buiten de EER", "Beveiligingsmaatregelen", "art. 9"):
        assert text in html
    for activity in ACTIVITIES.values():
        assert str(activity.uuid) in html and activity.retention_text in html


def test_recording_digests_refuses_a_changed_text_under_a_recorded_version(monkeypatch):
    import pytest
    from django.core.management import CommandError, call_command

    before = DIGESTS.read_bytes()
    monkeypatch.setitem(ACTIVITIES, "referral", dataclasses.replace(ACTIVITIES["referral"], purpose="Iets anders."))
    with pytest.raises(CommandError, match="referral changed"):
        call_command("processing_register", "--digests")
    assert DIGESTS.read_bytes() == before
