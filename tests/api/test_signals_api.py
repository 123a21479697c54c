# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Signals through the API go the signal pages' way (issue 15 point 5, "by API later").

A signaller organisation's system hands in a signal through the signal form's validation and the
same service, sees of its own signals only the status in three words (a case opened from one reads
"picked up"), adds information until it is picked up; a signal desk's system reads its queue,
picks a signal up and closes it with a reason. Anyone else: 404.
"""

import uuid

from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from policies.signals import SignalStatus
from signals.models import Signal
from signals.services.signals import signal_open_case, signal_pick_up
from tests.factories import OrganisationFactory, UserFactory, WijkFactory, member
from tests.signals.helpers import CONCERN, desk_people, hand_in, second_desk
from tests.views.test_audit_of_page_views import assert_no_personal_values


def _key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def signal_body(world, **extra) -> dict:
    return {
        "categories": ["schulden"],
        "wijk": WijkFactory().pk,
        "concern": CONCERN,
        "resident_knows": True,
        **extra,
    }


def test_a_signaller_organisation_hands_in_a_signal_as_the_form_does(world, api_client):
    sami = api_client(world.people.sami, world.orgs.kredietbank)
    body = signal_body(world, resident_agreed_to_contact=True, contact_name="mevrouw B.", phone="0612121212")
    response = sami.post("/api/v1/signals/", body, **_key())
    assert response.status_code == 201, response.content
    signal = Signal.objects.get()
    assert response.json() == {
        "id": signal.pk,
        "reference": signal.reference,
        "handed_in_on": signal.created_at.date().isoformat(),
        "wijk": signal.wijk.name,
        "status": "received",
        "status_label": "Ontvangen",
        "may_add_information": True,
    }
    assert response["Location"] == f"/api/v1/signals/{signal.pk}/"
    assert signal.concern == CONCERN and signal.resident.phone == "0612121212"
    assert signal.signalled_by == world.people.sami and signal.signalled_by_organisation == world.orgs.kredietbank
    # Audited as the form's hand-in, naming the client application as the signaller's tool.
    entries = AuditEntry.objects.filter(processing_activity="signals", reason="signaal ingediend")
    assert entries.exists()
    assert {e.additional_data.get("client_application") for e in entries} == {sami.application.client_id}
    for entry in entries:
        assert_no_personal_values(entry)


def test_the_signal_forms_rules_hold_for_the_api(world, api_client):
    sami = api_client(world.people.sami, world.orgs.kredietbank)
    key = _key()
    # Agreed to be contacted, but no way to reach them: the service's refusal at its field.
    no_phone = sami.post(
        "/api/v1/signals/", signal_body(world, resident_agreed_to_contact=True, contact_name="B."), **key
    )
    assert no_phone.status_code == 409 and no_phone.json()["invalid_params"][0]["name"] == "phone"
    no_concern = sami.post("/api/v1/signals/", signal_body(world, concern=" "), **key)
    assert no_concern.status_code == 409 and no_concern.json()["invalid_params"][0]["name"] == "concern"
    # Not agreed: whatever contact data were sent, none is kept (the minimum).
    assert sami.post("/api/v1/signals/", signal_body(world, phone="0611111111"), **key).status_code == 201
    signal = Signal.objects.get()
    assert signal.resident.phone == "" and not signal.resident_agreed_to_contact
    # The same key again: the same signal, not a second one.
    again = sami.post("/api/v1/signals/", signal_body(world, phone="0611111111"), **key)
    assert again.status_code == 201 and again.json()["id"] == signal.pk
    assert Signal.objects.count() == 1
    assert sami.post("/api/v1/signals/", signal_body(world)).status_code == 400  # no key


def test_the_signaller_sees_only_the_status_and_adds_until_picked_up(world, api_client):
    ilse, _cor = desk_people(world)
    sami = api_client(world.people.sami, world.orgs.kredietbank)
    signal = hand_in(world)
    added = sami.post(f"/api/v1/signals/{signal.pk}/additions/", {"text": "Er zijn ook kinderen."})
    assert added.status_code == 201 and added.json()["status"] == "received"
    assert signal.additions.get().text == "Er zijn ook kinderen."

    signal_pick_up(signal=signal, actor=world.people.fatima, organisation=world.orgs.waterlelie)
    refused = sami.post(f"/api/v1/signals/{signal.pk}/additions/", {"text": "Nog iets."}, **{"Accept-Language": "en"})
    assert refused.status_code == 409 and refused["Content-Type"] == "application/problem+json"
    assert signal.additions.count() == 1

    case = signal_open_case(
        signal=signal,
        actor=world.people.fatima,
        given_name="B.",
        family_name="Bos",
        birth_year=1970,
        phone="0612121212",
        categories=[world.categories.schulden],
    )
    shown = sami.get(f"/api/v1/signals/{signal.pk}/").json()
    assert shown["status"] == "picked_up" and shown["status_label"] == "Opgepakt" and not shown["may_add_information"]
    listed = sami.get("/api/v1/signals/").json()
    assert [s["id"] for s in listed["results"]] == [signal.pk]
    text = str(shown) + str(listed)
    assert case.reference not in text and "Bos" not in text and CONCERN not in text and "kinderen" not in text
    # The page shows the same word.
    page = Client()
    page.force_login(world.people.sami)
    assert "Opgepakt" in page.get(reverse("signals:mine")).content.decode()


def test_another_signaller_organisation_and_other_clients_find_no_signal(world, api_client):
    signal = hand_in(world)
    corporation = OrganisationFactory(slug="woonstede", name="Woonstede")
    other = api_client(member(UserFactory(username="woonstede-systeem"), corporation, "signaller"), corporation)
    assert other.get(f"/api/v1/signals/{signal.pk}/").status_code == 404
    assert other.post(f"/api/v1/signals/{signal.pk}/additions/", {"text": "x"}).status_code == 404
    assert other.get("/api/v1/signals/").json()["count"] == 0
    refusals = AuditEntry.objects.filter(action=AuditEntry.Action.REFUSED, object_id=signal.pk)
    assert refusals.count() == 2
    # A referrer's client is no signaller: no list, no hand-in.
    fatima = api_client(world.people.fatima, world.orgs.waterlelie)
    assert fatima.get("/api/v1/signals/").status_code == 403
    assert fatima.post("/api/v1/signals/", signal_body(world), **_key()).status_code == 403
    assert fatima.get(f"/api/v1/signals/{signal.pk}/").status_code == 404
    assert Signal.objects.count() == 1


def test_the_signal_desk_reads_its_queue_picks_up_and_closes_with_a_reason(world, api_client):
    ilse, _cor = desk_people(world)
    desk = api_client(ilse, world.orgs.waterlelie)
    signal = hand_in(world)
    queue = desk.get("/api/v1/signal-desk/").json()
    assert [s["id"] for s in queue["results"]] == [signal.pk] and CONCERN not in str(queue)
    detail = desk.get(f"/api/v1/signal-desk/{signal.pk}/").json()
    assert detail["concern"] == CONCERN and detail["contact"]["phone"] == "0612121212"
    assert detail["allowed_actions"] == ["pick_up"]
    access = AuditEntry.objects.get(action=AuditEntry.Action.ACCESS, object_id=signal.pk)
    assert access.additional_data["client_application"] == desk.application.client_id
    assert_no_personal_values(access)

    dirk, servicepunt = second_desk()
    other_desk = api_client(dirk, servicepunt)
    assert other_desk.get(f"/api/v1/signal-desk/{signal.pk}/").status_code == 200  # new: every desk sees it
    assert desk.post(f"/api/v1/signal-desk/{signal.pk}/pick-up/").json()["status"] == "picked_up"
    # Picked up: it belongs to the Waterlelie alone.
    assert other_desk.get(f"/api/v1/signal-desk/{signal.pk}/").status_code == 404
    assert other_desk.post(f"/api/v1/signal-desk/{signal.pk}/close/", {"reason": "no_contact"}).status_code == 404
    assert desk.get("/api/v1/signal-desk/?box=picked_up").json()["count"] == 1

    assert desk.post(f"/api/v1/signal-desk/{signal.pk}/close/", {"reason": "bored"}).status_code == 400
    closed = desk.post(f"/api/v1/signal-desk/{signal.pk}/close/", {"reason": "advice_given"})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CLOSED and signal.close_reason == "advice_given"
    # The signaller's system: "closed", nothing more.
    sami = api_client(world.people.sami, world.orgs.kredietbank)
    assert sami.get(f"/api/v1/signals/{signal.pk}/").json()["status"] == "closed"
    # Who is no signal desk has no queue.
    kees = api_client(world.people.kees, world.orgs.kredietbank)
    assert kees.get("/api/v1/signal-desk/").status_code == 403
    assert kees.get(f"/api/v1/signal-desk/{signal.pk}/").status_code == 404
