# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The API goes the pages' way: organisation A cannot read or act on B's referral, contact data
only after accept, and a transition leaves the same audit entries as on the pages — plus the
client application that was the account's tool."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from referrals import services
from tests.views.test_audit_of_page_views import assert_no_personal_values


@pytest.fixture
def sent(world, draft):
    return services.referral_send(referral=draft, actor=world.people.fatima)


def _another_sent(world, case):
    referral = services.referral_create(
        case=case,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp,
        summary="Aanmaningen van de energieleverancier; wil hulp.",
        categories=[world.categories.schulden],
        shared_data=["contact", "summary", "needs"],
    )
    return services.referral_send(referral=referral, actor=world.people.fatima)


def test_a_client_of_another_organisation_cannot_read_or_act_on_the_referral(world, sent, api_client):
    taalhuis = api_client(world.people.anouk, world.orgs.taalhuis)
    assert taalhuis.get(f"/api/v1/referrals/{sent.pk}/").status_code == 404
    assert taalhuis.post(f"/api/v1/referrals/{sent.pk}/accept/").status_code == 404
    assert taalhuis.post(f"/api/v1/referrals/{sent.pk}/decline/", {"reason": "no_capacity"}).status_code == 404
    assert taalhuis.get("/api/v1/inbox/?box=all").json()["count"] == 0
    sent.refresh_from_db()
    assert sent.state == "sent"
    # Each attempt is in the trail as a refusal, like a page's 404, naming the client application.
    refused = AuditEntry.objects.filter(action=AuditEntry.Action.REFUSED, object_id=sent.pk)
    assert refused.count() == 3
    assert {e.actor_id for e in refused} == {world.people.anouk.pk}
    assert {e.additional_data["client_application"] for e in refused} == {taalhuis.application.client_id}


def test_the_receiving_client_sees_contact_data_only_after_it_accepts(world, sent, api_client):
    kees = api_client(world.people.kees, world.orgs.kredietbank)
    inbox = kees.get("/api/v1/inbox/").json()
    assert [r["id"] for r in inbox["results"]] == [sent.pk]
    before = kees.get(f"/api/v1/referrals/{sent.pk}/").json()
    assert before["resident"] == {"age_band": sent.case.resident.age_band}
    assert "summary" not in before and "Jansen" not in str(before)
    assert before["allowed_actions"] == ["accept", "decline"]
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS).exists()

    assert kees.post(f"/api/v1/referrals/{sent.pk}/accept/").json()["state"] == "accepted"
    after = kees.get(f"/api/v1/referrals/{sent.pk}/").json()
    assert after["resident"]["family_name"] == "Jansen" and after["resident"]["phone"] == "0612345678"
    assert after["summary"] == "Aanmaningen van de energieleverancier; wil hulp."
    # The view of the content is logged as the page logs it, with the client application as the tool.
    access = AuditEntry.objects.get(action=AuditEntry.Action.ACCESS)
    assert access.actor == world.people.kees and access.processing_activity == "referral"
    assert access.organisation == world.orgs.kredietbank and access.role == "intake"
    assert "contact" in access.changes["fields"] and "summary" in access.changes["fields"]
    assert access.additional_data["client_application"] == kees.application.client_id
    assert_no_personal_values(access)


def _last_entry() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _trail(after: int, until: int) -> list[tuple]:
    """The entries written in between, without what differs from one referral or request to the next."""
    entries = AuditEntry.objects.filter(pk__gt=after, pk__lte=until).select_related("content_type")
    return sorted(
        (
            e.action,
            e.content_type.model,
            e.processing_activity,
            e.organisation_id or 0,
            e.role,
            e.actor_id or 0,
            tuple(sorted((e.changes or {}).keys())),
            e.reason,
        )
        for e in entries
    )


def test_transitions_through_the_api_leave_the_same_audit_entries_as_through_the_pages(world, case, api_client):
    by_page, by_api = _another_sent(world, case), _another_sent(world, case)
    start = _last_entry()
    today = timezone.localdate().isoformat()

    page = Client()
    page.force_login(world.people.kees)
    page.post(reverse("referral_accept", args=[by_page.pk]), {"form_token": "a-1"})
    page.post(reverse("referral_first_contact", args=[by_page.pk]), {"form_token": "f-1", "on": today, "way": "phone"})
    page.post(
        reverse("referral_close", args=[by_page.pk]), {"form_token": "c-1", "outcome": "helped", "note": "Klaar."}
    )
    between = _last_entry()

    kees = api_client(world.people.kees, world.orgs.kredietbank)
    assert kees.post(f"/api/v1/referrals/{by_api.pk}/accept/").status_code == 200
    assert kees.post(f"/api/v1/referrals/{by_api.pk}/first-contact/", {"on": today, "way": "phone"}).status_code == 200
    closed = kees.post(f"/api/v1/referrals/{by_api.pk}/close/", {"outcome": "helped", "note": "Klaar."})
    assert closed.json() == {"id": by_api.pk, "reference": str(by_api), "state": "closed"}

    by_page.refresh_from_db()
    assert by_page.state == "closed"
    end = _last_entry()
    assert _trail(between, end) == _trail(start, between) != []
    # Every entry of the API's calls names the client application; none of the pages' does.
    through_api = AuditEntry.objects.filter(pk__gt=between, pk__lte=end)
    assert {(e.additional_data or {}).get("client_application") for e in through_api} == {kees.application.client_id}
    through_pages = AuditEntry.objects.filter(pk__gt=start, pk__lte=between)
    assert not any("client_application" in (e.additional_data or {}) for e in through_pages)


def test_a_refused_transition_is_a_problem_with_the_policys_reason(world, sent, api_client):
    kees = api_client(world.people.kees, world.orgs.kredietbank)
    kees.post(f"/api/v1/referrals/{sent.pk}/accept/")
    response = kees.post(
        f"/api/v1/referrals/{sent.pk}/decline/", {"reason": "no_capacity"}, **{"Accept-Language": "en"}
    )
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert (
        body["status"] == 403
        and body["title"] == "Forbidden"
        and body["instance"] == f"/api/v1/referrals/{sent.pk}/decline/"
    )
    assert "accepted" in body["detail"].lower() or "aangenomen" in body["detail"].lower()


def test_a_refusal_by_the_service_is_a_409_problem(world, sent, api_client):
    kees = api_client(world.people.kees, world.orgs.kredietbank)
    kees.post(f"/api/v1/referrals/{sent.pk}/accept/")
    # First contact in the future: the service refuses (the form's field is named).
    future = (timezone.localdate() + timezone.timedelta(days=3)).isoformat()
    response = kees.post(f"/api/v1/referrals/{sent.pk}/first-contact/", {"on": future, "way": "phone"})
    assert response.status_code == 409, response.content
    body = response.json()
    assert body["type"] == "urn:overdracht:problem:refused" and body["title"] == "Kan nu niet"
    assert body["invalid_params"][0]["name"] == "on"


def test_a_referrer_client_records_consent_and_sends_a_referral_from_its_case(world, api_client):
    from tests.factories import open_case

    case = open_case(
        actor=world.people.fatima, organisation=world.orgs.waterlelie, categories=[world.categories.schulden]
    )
    fatima = api_client(world.people.fatima, world.orgs.waterlelie)
    referral = {
        "service": world.services.schuldhulp.pk,
        "summary": "Aanmaningen; wil hulp.",
        "categories": ["schulden"],
        "shared_data": ["contact", "summary", "needs"],
    }
    refused = fatima.post(f"/api/v1/cases/{case.pk}/referrals/", referral)
    assert refused.status_code == 409 and refused.json()["type"] == "urn:overdracht:problem:refused"  # no consent yet
    consent = {
        "purpose": "Hulp bij schulden",
        "recipients": ["kredietbank"],
        "data_categories": ["contact", "summary", "needs"],
        "given_how": "spoken",
        "valid_until": (timezone.localdate() + timezone.timedelta(days=90)).isoformat(),
    }
    assert fatima.post(f"/api/v1/cases/{case.pk}/consents/", consent).status_code == 201
    sent = fatima.post(f"/api/v1/cases/{case.pk}/referrals/", referral)
    assert sent.status_code == 201 and sent.json()["state"] == "sent"
    kees = api_client(world.people.kees, world.orgs.kredietbank)
    assert [r["id"] for r in kees.get("/api/v1/inbox/").json()["results"]] == [sent.json()["id"]]
    # Another referring organisation's client does not find the case.
    ruud = api_client(world.people.ruud, world.orgs.gemeente)
    assert ruud.post(f"/api/v1/cases/{case.pk}/consents/", consent).status_code == 404


def test_a_callers_traceparent_is_recorded_as_the_foreign_operation_of_that_client(world, sent, api_client):
    """LDV: the partner system's own trace is recorded as its foreign_operation, named by its client id."""
    from audit.selectors.export import logboek_record

    kees = api_client(world.people.kees, world.orgs.kredietbank)
    caller_trace, caller_span = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    response = kees.post(f"/api/v1/referrals/{sent.pk}/accept/", traceparent=f"00-{caller_trace}-{caller_span}-01")
    assert response.status_code == 200
    ours = response["traceparent"].split("-")[1]
    records = [logboek_record(e) for e in AuditEntry.objects.filter(cid=ours)]
    assert records and all(r["trace_id"] == ours != caller_trace for r in records)
    expected = {
        "trace_id": caller_trace,
        "span_id": caller_span,
        "entity": f"urn:nl:overdracht:api-client:{kees.application.client_id}",
    }
    assert all(r["foreign_operation"] == expected for r in records), [r["foreign_operation"] for r in records]
