# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A page that shows personal data writes one ACCESS audit entry, with the pseudonym and no personal value."""

import json

from django.urls import reverse

from audit.models import AuditEntry


def access_entries():
    return AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS)


def assert_no_personal_values(entry):
    text = json.dumps(
        {"changes": entry.changes, "reason": entry.reason, "repr": entry.object_repr, "extra": entry.additional_data},
        default=str,
    )
    for value in ("Sanne", "Jansen", "0612345678", "Aanmaningen"):
        assert value not in text


def test_case_page_logs_one_access_by_the_referrer(world, case, login):
    login(world.people.fatima).get(reverse("case_detail", args=[case.pk]))
    entry = access_entries().get()
    assert entry.actor == world.people.fatima
    assert entry.pseudonym == case.resident.pseudonym
    assert entry.processing_activity == "case_management"
    # Fatima opened the case, so she is its regisseur (the default).
    assert entry.organisation == world.orgs.waterlelie and entry.role == "regisseur"
    assert_no_personal_values(entry)


def test_receiver_before_accepting_sees_no_content_and_is_not_logged(world, sent, login):
    response = login(world.people.kees).get(reverse("referral_detail", args=[sent.pk]))
    assert b"Aanmaningen" not in response.content and b"Jansen" not in response.content
    assert not access_entries().exists()


def test_receiver_after_accepting_sees_content_and_the_view_is_logged(world, accepted, login):
    response = login(world.people.kees).get(reverse("referral_detail", args=[accepted.pk]))
    assert b"Aanmaningen" in response.content and b"Jansen" in response.content
    entry = access_entries().get()
    assert entry.actor == world.people.kees
    assert entry.pseudonym == accepted.case.resident.pseudonym
    assert entry.processing_activity == "referral"
    assert entry.organisation == world.orgs.kredietbank and entry.role == "intake"
    assert "summary" in entry.changes["fields"] and "contact" in entry.changes["fields"]
    assert_no_personal_values(entry)


def test_uninvolved_partner_gets_404_and_no_entry(world, sent, login):
    client = login(world.people.bas)
    assert client.get(reverse("referral_detail", args=[sent.pk])).status_code == 404
    assert client.get(reverse("case_detail", args=[sent.case_id])).status_code == 404
    assert not access_entries().exists()
