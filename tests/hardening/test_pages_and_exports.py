# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Hardening (issue 11, points 8–10): shared desk PCs, malformed ids, spreadsheet formulas."""

import csv
import io

import pytest
from django.urls import reverse

from audit.selectors.export import spreadsheet_safe
from referrals import services
from tests.factories import ServiceFactory


@pytest.fixture
def accepted(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    return services.referral_accept(referral=draft, actor=world.people.kees)


def _no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


def test_pages_with_personal_data_are_not_kept_by_the_browser(client, world, accepted):
    # Walk-in desks share PCs: the next person must not find a resident in the browser's cache.
    client.force_login(world.people.fatima)
    for url in [
        reverse("referral_detail", args=[accepted.pk]),
        reverse("case_detail", args=[accepted.case_id]),
        reverse("consent_receipt", args=[accepted.consent_id]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _no_store(response), url
    client.force_login(world.people.kees)
    response = client.get(reverse("referral_detail", args=[accepted.pk]))
    assert response.status_code == 200 and _no_store(response)


@pytest.mark.parametrize("dienst", ["²", "١٢", "9" * 30, "-1", "1e3", " 1"])
def test_a_malformed_service_id_is_ignored_not_a_server_error(client, world, case, dienst):
    client.force_login(world.people.fatima)
    assert client.get(reverse("case_open"), {"dienst": dienst}).status_code == 200
    assert client.get(reverse("referral_new", args=[case.pk]), {"dienst": dienst}).status_code == 200


def test_a_plain_service_id_still_preselects_the_service(client, world, case):
    client.force_login(world.people.fatima)
    service = world.services.schuldhulp
    response = client.get(reverse("referral_new", args=[case.pk]), {"dienst": str(service.pk)})
    assert response.context["form"].initial["service"] == service


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x","klik")', "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_would_be_a_formula_is_made_text(value):
    assert spreadsheet_safe(value) == "'" + value
    assert spreadsheet_safe("Kredietbank") == "Kredietbank" and spreadsheet_safe(42) == 42


def test_the_csv_export_carries_no_formula_from_a_service_name(client, world, case):
    p, o = world.people, world.orgs
    evil = ServiceFactory(organisation=o.kredietbank, name='=HYPERLINK("http://evil.invalid","x")')
    draft = services.referral_create(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        service=evil,
        summary="Hulp bij rekeningen.",
        categories=[world.categories.schulden],
    )
    services.referral_send(referral=draft, actor=p.fatima)
    client.force_login(p.priya)
    response = client.get(reverse("privacy:export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
