# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who may open the resident's-rights pages: the regisseur; the privacy officer only to erase; others 404."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from referrals.models import Resident, SubjectRequest

PAGES = ["overview", "inzage", "inzage_json", "rectify", "erase"]


def _url(name, resident):
    return reverse(f"rights:{name}", args=[resident.pseudonym])


@pytest.mark.parametrize("persona", ["kees", "marieke", "anouk", "bas", "bea"])
@pytest.mark.parametrize("page", PAGES)
def test_everyone_else_gets_404(client, world, case, persona, page):
    client.force_login(getattr(world.people, persona))
    assert client.get(_url(page, case.resident)).status_code == 404


def test_an_unknown_pseudonym_is_404(client, world, case):
    client.force_login(world.people.fatima)
    assert client.get(reverse("rights:inzage", args=["R-NOTEXIST"])).status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_the_regisseur_may_use_every_page(client, world, case, page):
    client.force_login(world.people.fatima)
    assert client.get(_url(page, case.resident)).status_code == 200


@pytest.mark.parametrize(
    ("page", "status"), [("overview", 200), ("erase", 200), ("inzage", 403), ("inzage_json", 403), ("rectify", 403)]
)
def test_the_privacy_officer_may_only_erase(client, world, case, page, status):
    client.force_login(world.people.priya)
    assert client.get(_url(page, case.resident)).status_code == status


def test_the_privacy_officers_pages_show_no_personal_data(client, world, case):
    client.force_login(world.people.priya)
    for page in ("overview", "erase"):
        html = client.get(_url(page, case.resident)).content.decode()
        assert case.resident.pseudonym in html
        assert "Sanne" not in html and "Jansen" not in html and "0612345678" not in html


def test_anonymous_users_are_sent_to_log_in(client, case, settings):
    settings.LOGIN_URL = "/inloggen/"
    response = client.get(_url("inzage", case.resident))
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_erasing_through_the_page(client, world, case):
    client.force_login(world.people.priya)
    response = client.post(_url("erase", case.resident), {"reason": "verzoek via de gemeente", "confirm": "on"})
    assert response.status_code == 302
    resident = Resident.objects.get(pk=case.resident.pk)
    assert resident.erased_at and resident.erasure_reason == "verzoek via de gemeente"


def test_erasing_needs_the_confirmation(client, world, case):
    client.force_login(world.people.fatima)
    response = client.post(_url("erase", case.resident), {"reason": "verzoek"})
    assert response.status_code == 200
    assert Resident.objects.get(pk=case.resident.pk).erased_at is None


def test_rectifying_through_the_page(client, world, case):
    client.force_login(world.people.fatima)
    form = {
        "given_name": "Sanne",
        "family_name": "Jansen-Bakker",
        "birth_year": "1985",
        "phone": "0612345678",
        "email": "",
        "preferred_language": "nl",
        "reason": "verzoek van de inwoner: naam na huwelijk",
    }
    response = client.post(_url("rectify", case.resident), form)
    assert response.status_code == 302
    assert Resident.objects.get(pk=case.resident.pk).family_name == "Jansen-Bakker"
    request = SubjectRequest.objects.get(kind=SubjectRequest.Kind.RECTIFICATION)
    assert request.fields == ["family_name"]


def test_opening_the_rectification_form_is_logged(client, world, case):
    client.force_login(world.people.fatima)
    html = client.get(_url("rectify", case.resident)).content.decode()
    assert 'value="Jansen"' in html
    entry = AuditEntry.objects.filter(pseudonym=case.resident.pseudonym, action=AuditEntry.Action.ACCESS).latest("pk")
    assert entry.actor == world.people.fatima and entry.processing_activity == "subject_rights"


def test_after_erasure_rectification_is_gone_but_inzage_stays(client, world, case):
    from referrals.services.subject_rights import resident_erase

    resident_erase(resident=case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    client.force_login(world.people.fatima)
    assert client.get(_url("rectify", case.resident)).status_code == 403
    response = client.get(_url("inzage", case.resident))
    assert response.status_code == 200 and "zijn gewist" in response.content.decode()


def test_the_privacy_officer_finds_a_resident_by_name_and_year_without_a_name_in_the_url(client, world, case):
    client.force_login(world.people.priya)
    assert client.get(reverse("rights:find")).status_code == 200
    response = client.post(reverse("rights:find"), {"family_name": "JANSEN", "birth_year": "1985"})
    html = response.content.decode()
    assert case.resident.pseudonym in html and "Sanne" not in html and "0612345678" not in html
    entry = AuditEntry.objects.filter(pseudonym=case.resident.pseudonym, action=AuditEntry.Action.ACCESS).latest("pk")
    assert entry.actor == world.people.priya and entry.reason == "inwoner gezocht voor een verzoek"


def test_a_search_for_someone_unknown_finds_nothing(client, world, case):
    client.force_login(world.people.priya)
    html = client.post(reverse("rights:find"), {"family_name": "Jansen", "birth_year": "1986"}).content.decode()
    assert case.resident.pseudonym not in html and "Geen inwoner" in html


@pytest.mark.parametrize("persona", ["fatima", "kees", "bas", "bea"])
def test_only_the_privacy_officer_may_search(client, world, case, persona):
    client.force_login(getattr(world.people, persona))
    assert client.post(reverse("rights:find"), {"family_name": "Jansen", "birth_year": "1985"}).status_code == 404
