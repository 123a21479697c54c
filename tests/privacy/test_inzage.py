# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Inzage: one readable document and a JSON export with all data, every referral and every access."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from audit.services.trail import log_access
from referrals import services
from referrals.models import SubjectRequest
from referrals.services.subject_rights import collect, inzage_report, resident_erase
from tests.privacy.helpers import accepted


@pytest.fixture
def history(world, draft):
    """Fatima referred to the Kredietbank; Kees accepted, looked at the referral, and closed it."""
    services.case_add_goal(case=draft.case, actor=world.people.fatima, text="Schulden op een rij")
    accepted(world, draft)
    log_access(
        actor=world.people.kees,
        obj=draft,
        activity="referral",
        organisation=world.orgs.kredietbank,
        role="intake",
        reason="intake voorbereiden",
        fields=("contact", "summary"),
    )
    services.referral_record_first_contact(
        referral=draft, actor=world.people.kees, on=timezone.localtime(draft.accepted_at).date(), way="phone"
    )
    services.referral_close(referral=draft, actor=world.people.kees, outcome="helped", note="Regeling getroffen.")
    draft.refresh_from_db()
    return draft


def test_the_report_holds_the_residents_data_referrals_and_consents(world, history):
    report = inzage_report(resident=history.case.resident, actor=world.people.fatima)
    assert report["resident"]["given_name"] == "Sanne" and report["resident"]["phone"] == "0612345678"
    (referral,) = report["referrals"]
    assert referral["to_organisation"] == "Kredietbank" and referral["state"] == "Afgesloten"
    assert referral["summary"] == "Aanmaningen van de energieleverancier; wil hulp."
    assert referral["outcome_note"] == "Regeling getroffen." and referral["assignee"] == "Kees"
    assert sorted(referral["shared_data"]) == ["Contactgegevens", "Samenvatting van de hulpvraag", "Soorten hulpvraag"]
    assert [e["name"] for e in referral["events"]] == ["create", "send", "accept", "record_first_contact", "close"]
    assert report["cases"][0]["goals"][0]["text"] == "Schulden op een rij"
    assert report["consents"][0]["recipients"] == ["Kredietbank", "Taalhuis"]


def test_the_report_lists_every_access_with_who_which_organisation_when_and_why(world, history):
    report = inzage_report(resident=history.case.resident, actor=world.people.fatima)
    kees = [a for a in report["accesses"] if a["who"] == "Kees"]
    assert len(kees) == 1
    assert kees[0]["organisation"] == "Kredietbank"
    assert kees[0]["activity"] == "Warme overdracht" and kees[0]["reason"] == "intake voorbereiden"
    assert kees[0]["at"] is not None and kees[0]["fields"] == ["contact", "summary"]
    # The inzage itself is an access, and is in the document it produced.
    own = report["accesses"][-1]
    assert (own["who"], own["organisation"], own["activity"]) == (
        "Fatima",
        "Kwadraad — De Waterlelie",
        "Rechten van de inwoner",
    )
    # Changes are listed too: which organisation changed what, under which activity (never the values).
    assert any(
        c["organisation"] == "Kredietbank" and c["activity"] == "Warme overdracht" and "stand" in c["fields"]
        for c in report["changes"]
    )


def test_the_inzage_is_logged_and_recorded(world, case):
    inzage_report(resident=case.resident, actor=world.people.fatima)
    entry = AuditEntry.objects.filter(pseudonym=case.resident.pseudonym, action=AuditEntry.Action.ACCESS).latest("pk")
    assert (entry.actor, entry.processing_activity, entry.organisation, entry.role) == (
        world.people.fatima,
        "subject_rights",
        world.orgs.waterlelie,
        "regisseur",
    )
    assert SubjectRequest.objects.get(resident=case.resident).kind == SubjectRequest.Kind.ACCESS


@pytest.mark.parametrize("persona", ["kees", "marieke", "anouk", "bas", "priya", "bea"])
def test_only_the_regisseur_may_produce_the_inzage(world, history, persona):
    with pytest.raises(services.ActionRefused):
        inzage_report(resident=history.case.resident, actor=getattr(world.people, persona))


def test_after_erasure_the_report_says_so_and_keeps_the_facts(world, history):
    resident_erase(resident=history.case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    report = collect(history.case.resident.__class__.objects.get(pk=history.case.resident_id))
    assert report["resident"]["family_name"] is None and report["resident"]["erased_at"]
    assert report["referrals"][0]["summary"] is None and report["referrals"][0]["outcome"] == "Geholpen"
    assert report["requests"][-1]["kind"] == "Verwijdering op verzoek (AVG art. 17)"


def test_the_html_document_lists_the_accesses(client, world, history):
    client.force_login(world.people.fatima)
    response = client.get(reverse("rights:inzage", args=[history.case.resident.pseudonym]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wie heeft uw gegevens bekeken?" in html
    assert "Kredietbank" in html and "intake voorbereiden" in html and "Kees" in html
    assert "Sanne" in html and "Aanmaningen van de energieleverancier" in html
    assert 'media="print"' in html
    # Strict CSP: scripts only from files, no inline scripts or styles.
    assert not re.search(r"<script(?![^>]*\bsrc=)", html) and "style=" not in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_json_export_holds_the_same_data(client, world, history):
    client.force_login(world.people.fatima)
    response = client.get(reverse("rights:inzage_json", args=[history.case.resident.pseudonym]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="inzage-{history.case.resident.pseudonym}.json"'
    data = json.loads(response.content)
    assert data["resident"]["family_name"] == "Jansen"
    assert data["referrals"][0]["to_organisation"] == "Kredietbank"
    assert any(a["who"] == "Kees" and a["organisation"] == "Kredietbank" for a in data["accesses"])


def test_a_fifty_referral_inzage_costs_a_fixed_number_of_queries(world, case, django_assert_max_num_queries):
    for _ in range(3):
        services.referral_create(
            case=case,
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            service=world.services.schuldhulp,
            summary="Hulp.",
            categories=[world.categories.schulden],
            shared_data=["contact", "summary", "needs"],
        )
    with django_assert_max_num_queries(20):
        report = collect(case.resident)
    assert len(report["referrals"]) == 3


def test_receivers_never_see_contact_data_in_the_inzage_flow(world, draft):
    # Kees (receiving intake) may not reach the inzage at all, before or after accepting.
    services.referral_send(referral=draft, actor=world.people.fatima)
    with pytest.raises(services.ActionRefused):
        inzage_report(resident=draft.case.resident, actor=world.people.kees)
    services.referral_accept(referral=draft, actor=world.people.kees)
    with pytest.raises(services.ActionRefused):
        inzage_report(resident=draft.case.resident, actor=world.people.kees)


def test_a_household_members_inzage_names_the_case_but_not_the_other_residents_content(world, draft):
    from tests.factories import open_case

    member = open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name="Jansen",
        given_name="Noor",
        birth_year=2008,
        categories=[world.categories.schulden],
    ).resident
    draft.case.household.add(member)
    report = inzage_report(resident=member, actor=world.people.fatima)
    assert report["resident"]["given_name"] == "Noor"
    assert [c["reference"] for c in report["household_cases"]] == [draft.case.reference]
    assert "Aanmaningen" not in json.dumps(report, default=str)
