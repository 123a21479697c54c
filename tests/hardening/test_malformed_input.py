# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Malformed input is a 400, a 404 or a form error — never a server error (issue 11, point 8).

Every case runs on SQLite and on PostgreSQL (CI runs both) and expects the same clear outcome on
both. Some only broke on one of them: a NUL byte in a pseudonym and a username longer than 255
characters on PostgreSQL (it refuses NUL in text, axes' column holds 255), huge ids in checkboxes
and dates at the edge of Python's range on SQLite.
"""

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import reverse

HUGE = "9" * 25  # beyond a bigint
BIGINT_PLUS_ONE = str(2**63)


@dataclass(frozen=True)
class Attempt:
    persona: str | None  # who is logged in (None: nobody)
    method: str
    url: Any  # a path, or a function of the fixtures giving one
    data: dict = field(default_factory=dict)
    status: int = 200
    error_in: str = ""  # the form field that must say what is wrong


def _case_url(name):
    return lambda f: reverse(name, args=[f["case"].pk])


_NEW_CASE = {"family_name": "Bakker", "birth_year": "1990", "preferred_language": "nl"}
_CONSENT = {"purpose": "Hulp", "data_categories": ["contact"], "given_how": "spoken", "informed_language": "nl"}
_REFERRAL = {
    "summary": "Hulp bij rekeningen.",
    "urgency": "normal",
    "shared_data": ["contact"],
    "legal_basis": "consent",
}
_SERVICE = {"name": "Spreekuur", "response_days": "5"}

CASES = {
    # Ids: "²" passes str.isdigit(); a value beyond a bigint overflowed SQLite in `IN (…)`.
    "dienst-superscript": Attempt("fatima", "get", reverse("case_open"), {"dienst": "²"}),
    "dienst-huge": Attempt("fatima", "get", _case_url("referral_new"), {"dienst": HUGE}),
    "case-categories-huge": Attempt(
        "fatima", "post", reverse("case_open"), {**_NEW_CASE, "categories": [HUGE]}, error_in="categories"
    ),
    "case-categories-bigint": Attempt(
        "fatima", "post", reverse("case_open"), {**_NEW_CASE, "categories": [BIGINT_PLUS_ONE]}, error_in="categories"
    ),
    "case-categories-superscript": Attempt(
        "fatima", "post", reverse("case_open"), {**_NEW_CASE, "categories": ["²"]}, error_in="categories"
    ),
    "consent-recipients-huge": Attempt(
        "fatima", "post", _case_url("consent_record"), {**_CONSENT, "recipients": [HUGE]}, error_in="recipients"
    ),
    "referral-categories-huge": Attempt(
        "fatima",
        "post",
        _case_url("referral_new"),
        lambda f: {**_REFERRAL, "service": f["world"].services.schuldhulp.pk, "categories": [HUGE]},
        error_in="categories",
    ),
    "service-wijken-huge": Attempt(
        "marieke",
        "post",
        reverse("service_new"),
        lambda f: {**_SERVICE, "categories": [f["world"].categories.schulden.pk], "wijken": [HUGE]},
        error_in="wijken",
    ),
    "referral-id-huge": Attempt("fatima", "get", f"/verwijzingen/{HUGE}/", status=404),
    # Dates at the edge: the day after 9999-12-31, 0001-01-01 in UTC, a year with five digits.
    "search-until-9999-12-31": Attempt("priya", "get", reverse("privacy:search"), {"tot": "9999-12-31"}),
    "search-since-0001-01-01": Attempt("priya", "get", reverse("privacy:search"), {"vanaf": "0001-01-01"}),
    "search-since-year-10000": Attempt(
        "priya", "get", reverse("privacy:search"), {"vanaf": "10000-01-01"}, error_in="vanaf"
    ),
    "export-until-9999-12-31": Attempt("priya", "get", reverse("privacy:export", args=["csv"]), {"tot": "9999-12-31"}),
    "export-since-0001-01-01": Attempt(
        "priya", "get", reverse("privacy:export", args=["jsonl"]), {"vanaf": "0001-01-01"}
    ),
    "export-since-year-10000": Attempt(
        "priya", "get", reverse("privacy:export", args=["csv"]), {"vanaf": "10000-01-01"}, status=400
    ),
    # Pseudonyms: a "/" cannot be put in the report's URL; PostgreSQL refuses a NUL byte in a query.
    "lookup-slash": Attempt(
        "priya", "get", reverse("privacy:resident_lookup"), {"pseudoniem": "R-1234/678"}, 400, "pseudoniem"
    ),
    "lookup-nul": Attempt(
        "priya", "get", reverse("privacy:resident_lookup"), {"pseudoniem": "R-1234\x00678"}, 400, "pseudoniem"
    ),
    "report-nul": Attempt("priya", "get", "/privacy/inwoner/R-1234%00678/", status=404),
    "report-slash": Attempt("priya", "get", "/privacy/inwoner/R-1234%2F678/", status=404),
    "rights-nul": Attempt("fatima", "get", "/rechten/R-1234%00678/", status=404),
    "rights-inzage-nul": Attempt("fatima", "get", "/rechten/R-1234%00678/inzage/", status=404),
    "rights-erase-nul": Attempt("priya", "post", "/rechten/R-1234%00678/verwijderen/", status=404),
    # A username longer than axes can store (PostgreSQL: varchar 255).
    "login-username-300": Attempt(
        None, "post", reverse("login"), {"username": "x" * 300, "password": "p"}, 200, "username"
    ),
    "login-username-256": Attempt(
        None, "post", reverse("login"), {"username": "x" * 256, "password": "p"}, 200, "username"
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_malformed_input_gets_a_clear_answer(client, world, case, name):
    c = CASES[name]
    fixtures = {"world": world, "case": case}
    if c.persona:
        client.force_login(getattr(world.people, c.persona))
    url = c.url(fixtures) if callable(c.url) else c.url
    data = c.data(fixtures) if callable(c.data) else c.data
    # A server error raises here (the test client re-raises it): the outcome must be one of ours.
    response = getattr(client, c.method)(url, data)
    assert response.status_code == c.status
    if c.error_in:
        assert c.error_in in response.context["form"].errors


def test_a_huge_id_among_checkboxes_in_the_admin_is_a_form_error(admin_client, world):
    fatima = world.people.fatima
    url = reverse("admin:auth_user_change", args=[fatima.pk])
    response = admin_client.post(url, {"username": "fatima", "groups": [HUGE]})
    assert response.status_code == 200
    assert "groups" in response.context["adminform"].form.errors


def test_plain_ids_still_work(client, world, case):
    # The same forms with real ids save as before.
    client.force_login(world.people.fatima)
    kredietbank = world.orgs.kredietbank
    response = client.post(
        reverse("consent_record", args=[case.pk]),
        {**_CONSENT, "recipients": [str(kredietbank.pk)], "valid_until": "2099-01-01"},
    )
    assert response.status_code == 302


def test_the_search_at_the_edges_of_the_calendar_finds_everything(client, world, case):
    # 0001-01-01 … 9999-12-31 is every entry: no bound is needed, and none is computed.
    client.force_login(world.people.priya)
    everything = client.get(reverse("privacy:search"), {"handeling": "0"})
    edges = client.get(reverse("privacy:search"), {"handeling": "0", "vanaf": "0001-01-01", "tot": "9999-12-31"})
    assert everything.context["page"].paginator.count > 0
    assert edges.context["page"].paginator.count == everything.context["page"].paginator.count
