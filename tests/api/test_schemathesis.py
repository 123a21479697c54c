# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The API fuzzed against its own OpenAPI schema (issue 16, point 6) by schemathesis, in process.

An authenticated client of the Kredietbank (every scope) with referrals in its inbox; the cases
are fuzzed by a referrer's client (the Waterlelie), the signals by a signaller's (the Kredietbank's
signaller) and the signal desk by the Waterlelie's as a signal desk with a signal in its queue, so
that the calls get past "not your role" to the services. Whatever schemathesis sends, no server
error and no response that breaks the schema (status code, content type, body, headers). A modest
number of examples per operation keeps it near a minute.
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
from schemathesis.specs.openapi.checks import positive_data_acceptance

from referrals import services
from tests.api.conftest import fetch_token, register_client
from tests.signals.helpers import desk_people, hand_in

EXAMPLES_PER_OPERATION = 12
# Creations whose body names the directory's data by code or id (a category, a wijk) and that are
# checked by the page's form (a birth year not in the future): a body the schema allows may name a
# category that does not exist, a 400 by design — the schema cannot list data the administrator
# keeps. For these, schemathesis's "schema-valid data must be accepted" does not apply; every
# other check (no server error, status, content type, body, headers) does.
OPENS_FROM_DATA = {("POST", "/cases/"), ("POST", "/signals/")}


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


def _bearer(account, organisation) -> dict[str, str]:
    application, secret = register_client(account, organisation)
    return {"Authorization": f"Bearer {fetch_token(Client(), application, secret).json()['access_token']}"}


@pytest.fixture
def bearers(world):
    """The client that calls each part of the API, by path prefix (the first that matches)."""
    desk_people(world)  # the Waterlelie is a signal desk
    hand_in(world)  # with a new signal in its queue, from the Kredietbank's signaller
    referrer = _bearer(world.people.fatima, world.orgs.waterlelie)
    return [
        ("/cases", referrer),
        ("/signals", _bearer(world.people.sami, world.orgs.kredietbank)),
        ("/signal-desk", referrer),
        ("", _bearer(world.people.kees, world.orgs.kredietbank)),
    ]


@schema.parametrize()
# Derandomized: the same examples on every run, so CI does not fail at random on a new find; set
# FUZZ_RANDOM=1 to let hypothesis search afresh (and add what it finds to the API's fixes).
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=not os.environ.get("FUZZ_RANDOM"),
)
def test_the_api_answers_every_generated_call_within_its_schema(case, inbox, places, bearers):
    path = case.operation.path.removeprefix("/api/v1")
    excluded = [positive_data_acceptance] if (case.method, path) in OPENS_FROM_DATA else []
    case.call_and_validate(
        headers=next(bearer for prefix, bearer in bearers if path.startswith(prefix)), excluded_checks=excluded
    )
