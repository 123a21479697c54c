# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Opening a case through the API goes the case page's way: its form, its warning about a resident
who may already have a case (never a silent duplicate), its service, its audit entries — once per
Idempotency-Key, also when the same call arrives twice at the same moment; read back as the case
page shows it to whoever works on it, 404 for everyone else."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from referrals.models import Case, OnceToken
from tests.api.conftest import ApiClient, fetch_token, register_client
from tests.hardening.races import post_at_once
from tests.views.test_audit_of_page_views import assert_no_personal_values


def _key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def case_body(**extra) -> dict:
    return {
        "given_name": "Noor",
        "family_name": "Bakker",
        "birth_year": 1979,
        "phone": "0687654321",
        "categories": ["schulden"],
        **extra,
    }


def test_a_referrer_client_opens_a_case_and_reads_it_back_as_the_case_page_shows_it(world, api_client):
    fatima = api_client(world.people.fatima, world.orgs.waterlelie)
    opened = fatima.post("/api/v1/cases/", case_body(wijk=None, needs_interpreter=True), **_key())
    assert opened.status_code == 201, opened.content
    case = Case.objects.get(pk=opened.json()["id"])
    assert opened.json() == {"id": case.pk, "reference": case.reference, "status": "open"}
    assert opened["Location"] == f"/api/v1/cases/{case.pk}/"
    assert case.regisseur == world.people.fatima and case.opened_by_organisation == world.orgs.waterlelie
    assert "Bakker" not in opened.content.decode()  # the answer names no one; reading it back is logged

    body = fatima.get(f"/api/v1/cases/{case.pk}/").json()
    assert body["resident"] == {
        "erased": False,
        "given_name": "Noor",
        "family_name": "Bakker",
        "phone": "0687654321",
        "email": "",
        "preferred_language": "nl",
        "needs_interpreter": True,
    }
    assert body["categories"] == ["schulden"] and body["referrals"] == []
    page = Client()
    page.force_login(world.people.fatima)
    html = page.get(reverse("case_detail", args=[case.pk])).content.decode()
    assert all(str(v) in html for v in ("Bakker", "0687654321", case.reference))
    # The same entries as the page: the opening by the service, the view of the resident as an access.
    access = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS, object_id=case.pk)
    api_access = [e for e in access if (e.additional_data or {}).get("client_application")]
    assert len(api_access) == 1 and api_access[0].processing_activity == "case_management"
    assert set(api_access[0].changes["fields"]) == {
        "resident_name",
        "contact",
        "preferred_language",
        "needs_interpreter",
    }
    assert_no_personal_values(api_access[0])


def test_only_who_works_on_the_case_reads_it_others_get_404(world, case, api_client):
    assert api_client(world.people.fatima, world.orgs.waterlelie).get(f"/api/v1/cases/{case.pk}/").status_code == 200
    for person, organisation in [("ruud", "gemeente"), ("kees", "kredietbank"), ("anouk", "taalhuis")]:
        client = api_client(getattr(world.people, person), getattr(world.orgs, organisation))
        response = client.get(f"/api/v1/cases/{case.pk}/")
        assert response.status_code == 404 and response["Content-Type"] == "application/problem+json", person
        assert "Jansen" not in response.content.decode()


def test_a_resident_who_may_be_known_is_not_opened_twice_silently(world, case, api_client):
    """The case page's warning: the first call says whom to call, only a confirmed repeat opens a new case."""
    ruud = api_client(world.people.ruud, world.orgs.gemeente)
    same_resident = case_body(given_name="S.", family_name="Jansen", birth_year=1985)
    key = _key()
    warned = ruud.post("/api/v1/cases/", same_resident, **key, **{"Accept-Language": "en"})
    assert warned.status_code == 409 and warned["Content-Type"] == "application/problem+json"
    problem = warned.json()
    assert problem["type"] == "urn:overdracht:problem:possible_match"
    assert problem["invalid_params"] == [{"name": "confirm_new", "reason": problem["detail"]}]
    regisseur = problem["possible_match"]["regisseur"]
    assert regisseur["organisation"] == str(world.orgs.waterlelie) and regisseur["role"] == "case manager"
    # Whom to call, as the page shows it — nothing of the case or its resident.
    text = warned.content.decode()
    assert case.reference not in text and "Sanne" not in text and "0612345678" not in text
    assert "Confirm" in problem["detail"]
    dutch = ruud.post("/api/v1/cases/", same_resident, **key).json()
    assert dutch["detail"].startswith("Bevestig dat u toch een nieuwe casus opent")
    assert Case.objects.count() == 1

    confirmed = ruud.post("/api/v1/cases/", same_resident | {"confirm_new": True}, **key)
    assert confirmed.status_code == 201
    assert Case.objects.count() == 2


def test_the_same_key_twice_opens_one_case_and_answers_it_again(world, api_client):
    fatima = api_client(world.people.fatima, world.orgs.waterlelie)
    key = _key()
    first = fatima.post("/api/v1/cases/", case_body(), **key)
    again = fatima.post("/api/v1/cases/", case_body(), **key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and first["Location"] == again["Location"]
    assert Case.objects.count() == 1
    # A new key is a new request: the warning about the resident it just opened.
    assert fatima.post("/api/v1/cases/", case_body(), **_key()).status_code == 409
    assert Case.objects.count() == 1


def test_a_case_without_a_key_or_with_invalid_input_is_refused_and_the_key_can_be_used_again(world, api_client):
    fatima = api_client(world.people.fatima, world.orgs.waterlelie)
    missing = fatima.post("/api/v1/cases/", case_body(), **{"Accept-Language": "en"})
    assert missing.status_code == 400 and missing.json()["invalid_params"] == [
        {
            "name": "Idempotency-Key",
            "reason": "Send a key of your own (8 to 64 letters, digits, - or _), new for every request.",
        }
    ]
    key = _key()
    # The page's form decides: a birth year in the future (the form's own check).
    future = fatima.post("/api/v1/cases/", case_body(birth_year=2999), **key)
    assert future.status_code == 400
    assert future.json()["invalid_params"] == [
        {"name": "birth_year", "reason": "Het geboortejaar kan niet in de toekomst liggen."}
    ]
    # The service decides: no way to reach the resident (its reason, at its field).
    unreachable = fatima.post("/api/v1/cases/", case_body(phone=""), **key)
    assert unreachable.status_code == 409 and unreachable.json()["invalid_params"][0]["name"] == "phone"
    assert not Case.objects.exists() and not OnceToken.objects.exists()  # the key was given back
    assert fatima.post("/api/v1/cases/", case_body(), **key).status_code == 201


def test_a_receiving_or_read_only_client_opens_no_case(world, api_client):
    kees = api_client(world.people.kees, world.orgs.kredietbank)  # intake: receives, does not refer
    assert kees.post("/api/v1/cases/", case_body(), **_key()).status_code == 403
    reader = api_client(world.people.fatima, world.orgs.waterlelie, scopes=["cases:read"])
    assert reader.post("/api/v1/cases/", case_body(), **_key()).status_code == 403
    assert not Case.objects.exists()


class _WithKey:
    """One partner system sending the same call twice (a retry racing the first): the same key."""

    def __init__(self, client: ApiClient, key: str) -> None:
        self.client, self.key = client, key

    def post(self, url, data):
        return self.client.post(url, data, **{"Idempotency-Key": self.key})


@pytest.mark.django_db(transaction=True)
def test_the_same_call_twice_at_the_same_moment_opens_one_case(threads_share_the_database, world):
    application, secret = register_client(world.people.fatima, world.orgs.waterlelie)
    token = fetch_token(Client(), application, secret).json()["access_token"]
    key = uuid.uuid4().hex
    clients = [_WithKey(ApiClient(application, token, Client()), key) for _ in range(2)]

    answers = post_at_once([(c, "/api/v1/cases/", case_body(family_name="Tegelijk")) for c in clients])

    assert not [a for a in answers if isinstance(a, Exception)], answers
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json() == answers[1].json()
    assert Case.objects.count() == 1
