# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Cases carry the target groups and Sociaal Kompas goals the programme reports on (policies.programme)."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from referrals.models import Case
from referrals.services import ActionRefused
from tests.factories import open_case
from tests.views.test_forms_and_permissions import case_data


def test_the_case_form_offers_the_lists_from_policies(world, client):
    client.force_login(world.people.fatima)
    html = client.get(reverse("case_open")).content.decode()
    assert 'name="target_groups" value="newcomers"' in html
    assert 'name="kompas_goals" value="2.2.D"' in html


def test_opening_a_case_keeps_its_target_groups_and_goals(world, client):
    client.force_login(world.people.fatima)
    response = client.post(
        reverse("case_open"),
        case_data(
            phone="0612345678",
            categories=[world.categories.schulden.pk],
            target_groups=["parents", "long_bijstand"],
            kompas_goals=["2.2.D"],
        ),
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.target_groups == ["long_bijstand", "parents"]
    assert case.kompas_goals == ["2.2.D"]


def test_a_code_outside_the_lists_is_refused(world):
    with pytest.raises(ActionRefused):
        open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie, target_groups=["criminals"])
    with pytest.raises(ActionRefused):
        open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie, kompas_goals=["9.9.Z"])


def test_the_audit_trail_says_that_target_groups_were_set_not_which(world):
    case = open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie, target_groups=["long_bijstand"])
    entry = AuditEntry.objects.get(content_type__model="case", object_pk=str(case.pk), action=AuditEntry.Action.CREATE)
    assert entry.changes["target_groups"] == ["[afgeschermd]", "[afgeschermd]"]
    assert "long_bijstand" not in str(entry.changes)
