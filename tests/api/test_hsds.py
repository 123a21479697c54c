# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The directory as an HSDS 3.0 API (issue 16, point 4), validated against the standard's own schemas.

The demo directory (the Leidschendam-Noord partners, their locations and walk-in hours) is loaded
by the demo command; every endpoint's answer is then held to the vendored compiled schemas of
Open Referral (tests/standards/schemas/hsds/) and to the API's Page object.
"""

import copy
import uuid

import pytest
from django.core.management import call_command
from django.test import Client

from api.scopes import DIRECTORY_READ, REFERRALS_READ
from directory.models import Category, Location, Organisation, Service
from tests.standards.schemas import errors, hsds_page_validator, hsds_validator


@pytest.fixture
def demo(world):
    call_command("load_demo_data", "--no-cases", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def hsds_client(world, api_client):
    return api_client(world.people.kees, world.orgs.kredietbank, scopes=[DIRECTORY_READ])


def _get(client, path, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    response = client.get(f"/api/v1/hsds/{path}" + (f"?{query}" if query else ""))
    assert response.status_code == 200, response.content
    return response.json()


def _page(client, path, item_schema, per_page=100):
    body = _get(client, path, per_page=per_page)
    assert errors(hsds_page_validator(), body) == []
    validator = hsds_validator(item_schema)
    for item in body["contents"]:
        assert errors(validator, item) == [], item
    return body


def test_every_list_is_a_valid_hsds_page_of_valid_objects(demo, hsds_client):
    services = _page(hsds_client, "services/", "compiled/service_list.json")
    assert services["total_items"] == len(services["contents"]) > 15 and services["first_page"]
    organizations = _page(hsds_client, "organizations/", "compiled/organization_list.json")
    assert {"Kredietbank Nederland", "Taalhuis — Bibliotheek aan de Vliet"} <= {
        o["name"] for o in organizations["contents"]
    }
    locations = _page(hsds_client, "locations/", "location.json")
    assert {"Tuinkamer van Noord", "Bibliotheek aan de Vliet"} <= {loc["name"] for loc in locations["contents"]}
    taxonomies = _page(hsds_client, "taxonomies/", "taxonomy.json")
    assert taxonomies["total_items"] == 1
    terms = _page(hsds_client, "taxonomy_terms/", "taxonomy_term.json")
    assert terms["total_items"] == Category.objects.count()
    assert {t["taxonomy_id"] for t in terms["contents"]} == {taxonomies["contents"][0]["id"]}


def test_each_service_and_organization_in_full_is_valid_against_the_compiled_schemas(demo, hsds_client):
    service_schema = hsds_validator("compiled/service.json")
    for item in _get(hsds_client, "services/", per_page=100)["contents"]:
        full = _get(hsds_client, f"services/{item['id']}/")
        assert errors(service_schema, full) == [], full["name"]
    organization_schema = hsds_validator("compiled/organization.json")
    for item in _get(hsds_client, "organizations/", per_page=100)["contents"]:
        full = _get(hsds_client, f"organizations/{item['id']}/")
        assert errors(organization_schema, full) == [], full["name"]
    location_schema = hsds_validator("location.json")
    for place in Location.objects.all():
        assert errors(location_schema, _get(hsds_client, f"locations/{place.uuid}/")) == []


def test_a_service_carries_its_location_address_hours_phone_contact_languages_and_eligibility(demo, hsds_client):
    service = Service.objects.get(organisation__slug="gemeente-participatie", name="Participatieconsulent")
    full = _get(hsds_client, f"services/{service.uuid}/")
    (at,) = full["service_at_locations"]
    assert at["location"]["name"] == "Tuinkamer van Noord"
    (address,) = at["location"]["addresses"]
    assert (address["address_1"], address["city"], address["country"]) == ("Fluitpolderplein 1", "Leidschendam", "NL")
    assert 52.0 < at["location"]["latitude"] < 52.2 and 4.3 < at["location"]["longitude"] < 4.5
    # "di en do 9:00–12:00" in the demo: one weekly rule on Tuesday and Thursday.
    (hours,) = at["schedules"]
    assert (hours["freq"], hours["byday"], hours["opens_at"], hours["closes_at"]) == (
        "WEEKLY",
        "TU,TH",
        "09:00:00",
        "12:00:00",
    )
    assert hours["service_at_location_id"] == at["id"] and hours["location_id"] == at["location"]["id"]
    assert full["phones"][0]["number"] and full["contacts"][0]["email"].startswith("verwijzen@")
    assert [language["code"] for language in full["languages"]] == ["nl"]
    assert "Langer dan 2 jaar in de bijstand" in full["eligibility_description"]
    youth = Service.objects.get(organisation__slug="jpf", name="Trajectbegeleiding jongeren")
    youth_full = _get(hsds_client, f"services/{youth.uuid}/")
    assert (youth_full["minimum_age"], youth_full["maximum_age"]) == (18, 27)
    assert {a["taxonomy_term"]["code"] for a in youth_full["attributes"]} == {"schulden", "18-worden", "werk"}


def test_ids_are_stable_uuids_on_every_call(demo, hsds_client):
    service = Service.objects.get(organisation__slug="kredietbank", name="Schuldhulpverlening")
    first, again = (_get(hsds_client, f"services/{service.uuid}/") for _ in range(2))
    assert first == again and first["id"] == str(service.uuid)
    assert uuid.UUID(first["languages"][0]["id"]) and uuid.UUID(first["service_at_locations"][0]["schedules"][0]["id"])


def test_a_broken_object_fails_the_standards_schema(demo, hsds_client):
    """The validation can fail: the same service with a required field gone, a wrong type, a bad uuid."""
    service = Service.objects.get(organisation__slug="taalhuis", name="Taalmaatje")
    full = _get(hsds_client, f"services/{service.uuid}/")
    validator = hsds_validator("compiled/service.json")
    assert errors(validator, full) == []
    without_status = {k: v for k, v in full.items() if k != "status"}
    assert any("'status' is a required property" in e for e in errors(validator, without_status))
    wrong = copy.deepcopy(full)
    wrong["service_at_locations"][0]["schedules"][0]["freq"] = "DAILY"
    wrong["service_at_locations"][0]["location"]["latitude"] = "52.09"
    wrong["languages"][0]["id"] = "nl"
    found = errors(validator, wrong)
    assert any("'DAILY' is not one of" in e for e in found)
    assert any("'52.09' is not of type 'number'" in e for e in found)
    assert any("'nl' is not a 'uuid'" in e for e in found)
    page = _get(hsds_client, "services/")
    del page["total_items"]
    assert errors(hsds_page_validator(), page) != []


def test_the_lists_page_and_filter_as_the_hsds_api_says(demo, hsds_client):
    first = _get(hsds_client, "services/", per_page=5)
    assert (first["size"], first["page_number"], first["first_page"], first["last_page"]) == (5, 1, True, False)
    assert first["total_pages"] == -(-first["total_items"] // 5)
    last = _get(hsds_client, "services/", per_page=5, page=first["total_pages"])
    assert last["last_page"] and not last["first_page"]
    taalhuis = Organisation.objects.get(slug="taalhuis")
    mine = _get(hsds_client, "services/", organization_id=taalhuis.uuid)
    assert {s["name"] for s in mine["contents"]} == {"Taalmaatje", "Taalcafé en leesclub", "Digitaal spreekuur"}
    debts = Category.objects.get(code="deurwaarder")
    by_term = _get(hsds_client, "services/", taxonomy_term_id=debts.uuid)
    assert [s["name"] for s in by_term["contents"]] == ["Schuldhulpverlening"]
    empty = _get(hsds_client, "services/", search="geen-dienst-heet-zo")
    assert empty["empty"] and empty["total_items"] == 0 and empty["contents"] == []


def test_unknown_ids_and_bad_filters_are_problems_not_pages(demo, hsds_client):
    missing = hsds_client.get(f"/api/v1/hsds/services/{uuid.uuid4()}/")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"
    assert hsds_client.get("/api/v1/hsds/services/?organization_id=kredietbank").status_code == 400
    # A service that takes no referrals is not in the Wegwijzer, so not here either.
    ended = Service.objects.get(name="Jongeradviespunt")
    assert hsds_client.get(f"/api/v1/hsds/services/{ended.uuid}/").status_code == 404


def test_the_hsds_endpoints_need_a_client_with_the_directory_scope(world, api_client, demo):
    assert Client().get("/api/v1/hsds/services/").status_code == 401
    other = api_client(world.people.kees, world.orgs.kredietbank, scopes=[REFERRALS_READ])
    assert other.get("/api/v1/hsds/services/").status_code == 403
