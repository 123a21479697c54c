# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The API fuzzed against its own OpenAPI schema (issue 16, point 6) by schemathesis, in process.

An authenticated client of the Kredietbank (every scope) with referrals in its inbox: whatever
schemathesis sends, no server error and no response that breaks the schema (status code, content
type, body, headers). A modest number of examples per operation keeps it near a minute.
"""

import json
import os

import django
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings

from referrals import services
from tests.api.conftest import fetch_token, register_client

EXAMPLES_PER_OPERATION = 12


class InProcess(WSGIHandler):
    """The app as WSGI, inside the test's transaction: like Django's test client, a request does
    not close the database connection at its start and end (that would end the test's transaction
    on PostgreSQL; on SQLite's in-memory database closing does nothing)."""

    def __call__(self, environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = super().__call__(environ, start_response)
            body = b"".join(response)
            response.close()  # sends request_finished now, while it is disconnected
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return [body]


def _load_schema():
    """The schema /api/v1/schema/ serves, made without a request (collection runs before the database)."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)))
    django.setup(set_prefix=False)
    loaded.app = InProcess()  # calls go to the app in process, inside the test's transaction
    return loaded


schema = _load_schema()


@pytest.fixture
def inbox(world, case):
    p = world.people
    for accept in (False, True):
        referral = services.referral_create(
            case=case,
            actor=p.fatima,
            organisation=world.orgs.waterlelie,
            service=world.services.schuldhulp,
            summary="Aanmaningen van de energieleverancier.",
            categories=[world.categories.schulden],
            shared_data=["contact", "summary", "needs"],
        )
        services.referral_send(referral=referral, actor=p.fatima)
        if accept:
            services.referral_accept(referral=referral, actor=p.kees)


@pytest.fixture
def places(world):
    """A located service with walk-in hours, phone and contact, so the HSDS endpoints answer in full."""
    from directory.models import Location
    from directory.services.places import set_location, set_walk_in_hours

    service = world.services.schuldhulp
    service.contact_phone, service.contact_email, service.minimum_age = "070 123 4567", "intake@kb.example", 18
    service.languages = ["nl", "ar"]
    service.save()
    place = Location.objects.create(
        name="Tuinkamer", address_1="Fluitpolderplein 1", postal_code="2262 EB", latitude=52.0912, longitude=4.3968
    )
    set_location(service, place)
    set_walk_in_hours(service, "di en do 9:00–12:00; op afspraak")
    set_walk_in_hours(world.services.taalmaatje, "vr 14:00–16:00")


@pytest.fixture
def bearer(world):
    application, secret = register_client(world.people.kees, world.orgs.kredietbank)
    return {"Authorization": f"Bearer {fetch_token(Client(), application, secret).json()['access_token']}"}


@schema.parametrize()
# Derandomized: the same examples on every run, so CI does not fail at random on a new find; set
# FUZZ_RANDOM=1 to let hypothesis search afresh (and add what it finds to the API's fixes).
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=not os.environ.get("FUZZ_RANDOM"),
)
def test_the_api_answers_every_generated_call_within_its_schema(case, inbox, places, bearer):
    case.call_and_validate(headers=bearer)
