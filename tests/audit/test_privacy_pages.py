# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's pages: only for Priya, metadata only, and her own looks are logged."""

import csv
import io
import json

import pytest
from auditlog.context import set_actor
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AuditEntry, PrivacyFlag
from audit.services.chain import verify
from audit.services.trail import log_access
from policies.register import ACTIVITIES
from referrals import services
from referrals.selectors import access
from referrals.selectors import referrals as selectors
from tests.factories import open_case

PAGES = [
    ("privacy:search", {}),
    ("privacy:flags", {}),
    ("privacy:register", {}),
    ("privacy:resident", {"pseudonym": "R-AAAAAAAA"}),
    ("privacy:export", {"fmt": "csv"}),
]


@pytest.fixture
def sent(world, draft):
    # In a request auditlog's middleware names the logged-in user; set_actor does the same here.
    with set_actor(world.people.fatima):
        services.referral_send(referral=draft, actor=world.people.fatima)
    with set_actor(world.people.kees):
        services.referral_accept(referral=draft, actor=world.people.kees)
    log_access(
        actor=world.people.kees,
        obj=draft,
        activity="referral",
        organisation=world.orgs.kredietbank,
        role="intake",
        fields=["summary", "contact"],
    )
    return draft


@pytest.fixture
def priya(client, world):
    client.force_login(world.people.priya)
    return client


def _reviews(user):
    return AuditEntry.objects.filter(actor=user, processing_activity="audit_review").order_by("id")


@pytest.mark.parametrize("persona", ["fatima", "kees", "marieke", "bas", "bea", "ruud"])
@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_everyone_but_the_privacy_officer_gets_404(client, world, persona, name, kwargs):
    client.force_login(getattr(world.people, persona))
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 404


def test_marking_a_flag_reviewed_is_refused_to_others(client, world):
    flag = PrivacyFlag.objects.create(kind=PrivacyFlag.Kind.OUTSIDE_HOURS)
    client.force_login(world.people.bea)
    assert client.post(reverse("privacy:flag_review", args=[flag.pk])).status_code == 404
    flag.refresh_from_db()
    assert flag.reviewed_at is None


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_the_privacy_officer_gets_every_page(priya, world, name, kwargs):
    assert priya.get(reverse(name, kwargs=kwargs)).status_code == 200


def test_the_privacy_officer_gets_404_on_case_content(world, sent):
    priya = world.people.priya
    with pytest.raises(Http404):
        access.referral_for(priya, sent.pk)
    with pytest.raises(Http404):
        access.case_for(priya, sent.case.pk)
    with pytest.raises(Http404):
        selectors.case_timeline(sent.case, priya)


def test_search_by_resident_shows_metadata_and_never_content(priya, world, sent):
    pseudonym = sent.case.resident.pseudonym
    response = priya.get(reverse("privacy:search"), {"pseudoniem": pseudonym.lower()})
    html = response.content.decode()
    assert response.status_code == 200
    assert pseudonym in html
    assert "kees" in html and "Kredietbank" in html
    for content in ("Aanmaningen van de energieleverancier", "Sanne", "Jansen", "0612345678"):
        assert content not in html
    # Only this resident's entries are listed.
    listed = response.context["page"].object_list
    assert listed and {e.pseudonym for e in listed} == {pseudonym}


def test_search_filters_by_user_organisation_action_activity_and_period(priya, world, sent):
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    response = priya.get(
        reverse("privacy:search"),
        {
            "gebruiker": "kees",
            "organisatie": world.orgs.kredietbank.pk,
            "handeling": AuditEntry.Action.ACCESS,
            "verwerking": "referral",
            "vanaf": today,
            "tot": today,
        },
    )
    listed = list(response.context["page"].object_list)
    assert len(listed) == 1
    assert listed[0].changes == {"fields": ["contact", "summary"]}
    response = priya.get(reverse("privacy:search"), {"gebruiker": "kees", "tot": "2000-01-01"})
    assert list(response.context["page"].object_list) == []


def test_an_invalid_search_is_explained_not_run(priya, world):
    response = priya.get(reverse("privacy:search"), {"pseudoniem": "Jansen"})
    assert response.status_code == 200
    assert "Een pseudoniem ziet eruit als" in response.content.decode()
    assert not _reviews(world.people.priya).exists()


def test_the_privacy_officers_own_searches_are_logged(priya, world, sent):
    pseudonym = sent.case.resident.pseudonym
    priya.get(reverse("privacy:search"), {"pseudoniem": pseudonym, "gebruiker": "kees"})
    entry = _reviews(world.people.priya).get()
    assert entry.action == AuditEntry.Action.ACCESS
    assert entry.role == "privacy_officer"
    assert entry.organisation == world.orgs.gemeente
    assert entry.changes == {"filters": {"pseudonym": pseudonym, "user": "kees"}}
    assert entry.reason == "logboek doorzocht"


def test_the_resident_report_lists_who_saw_the_resident_and_is_logged_against_them(priya, world, sent):
    pseudonym = sent.case.resident.pseudonym
    response = priya.get(reverse("privacy:resident", args=[pseudonym]))
    by_who = {
        (row["actor__username"], row["organisation__name"], row["action_label"]) for row in response.context["by_who"]
    }
    assert ("kees", "Kredietbank", "access") in by_who
    assert ("fatima", "Kwadraad — De Waterlelie", "update") in by_who
    review = _reviews(world.people.priya).get()
    assert review.pseudonym == pseudonym
    assert review.content_type.model == "resident"
    # The next report shows the privacy officer's own look too.
    response = priya.get(reverse("privacy:resident", args=[pseudonym]))
    assert any(row["actor__username"] == "priya" for row in response.context["by_who"])


def test_the_lookup_form_leads_to_the_report(priya, world, sent):
    pseudonym = sent.case.resident.pseudonym
    response = priya.get(reverse("privacy:resident_lookup"), {"pseudoniem": f" {pseudonym.lower()} "})
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:resident", args=[pseudonym])


def test_search_pages_cost_the_same_number_of_queries_for_few_or_many_rows(priya, world, sent):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert priya.get(reverse("privacy:search"), {"verwerking": "referral"}).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for _ in range(3):
        open_case(
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            categories=[world.categories.schulden],
            family_name="Ander",
        )
    for _ in range(60):
        log_access(actor=world.people.kees, obj=sent, activity="referral", organisation=world.orgs.kredietbank)
    assert queries() == few


def test_the_next_page_of_a_search_keeps_its_filters(priya, world, sent):
    for _ in range(60):
        log_access(actor=world.people.kees, obj=sent, activity="referral", organisation=world.orgs.kredietbank)
    html = priya.get(reverse("privacy:search"), {"verwerking": "referral"}).content.decode()
    assert 'href="?verwerking=referral&amp;pagina=2"' in html
    second = priya.get(reverse("privacy:search"), {"verwerking": "referral", "pagina": 2})
    assert second.context["page"].number == 2


def test_export_as_logboek_dataverwerkingen_json_lines(priya, world, sent):
    pseudonym = sent.case.resident.pseudonym
    response = priya.get(reverse("privacy:export", args=["jsonl"]), {"pseudoniem": pseudonym})
    assert response["Content-Disposition"].startswith("attachment;")
    records = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert records and all(r["attributes"]["dpl.core.data_subject_id"] == pseudonym for r in records)
    access = [r for r in records if r["attributes"]["overdracht.action"] == "access"][0]
    assert set(access) >= {"trace_id", "span_id", "name", "status_code", "start_time", "end_time", "attributes"}
    assert "status" not in access
    assert access["attributes"]["dpl.core.processing_activity_id"] == ACTIVITIES["referral"].uri
    assert access["attributes"]["overdracht.fields"] == "contact summary"
    assert access["status_code"] == 1  # STATUS_CODE_OK
    assert len(access["trace_id"]) == 32 and len(access["span_id"]) == 16
    assert _reviews(world.people.priya).get().reason == "logboek geëxporteerd (jsonl)"


def test_export_as_csv(priya, world, sent):
    response = priya.get(reverse("privacy:export", args=["csv"]), {"gebruiker": "kees"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows and {row["actor"] for row in rows} == {"kees"}
    assert "Aanmaningen" not in str(rows)


def test_the_register_page_shows_every_activity(priya):
    from policies.register import ACTIVITIES

    html = priya.get(reverse("privacy:register")).content.decode()
    for item in ACTIVITIES.values():
        assert item.name in html and item.uri in html


def test_flags_list_and_review(priya, world, sent):
    flag = PrivacyFlag.objects.create(
        kind=PrivacyFlag.Kind.LEGAL_BASIS,
        pseudonym=sent.case.resident.pseudonym,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
    )
    response = priya.get(reverse("privacy:flags"))
    assert flag in response.context["page"].object_list
    # auditlog's middleware names the user (and the forwarded port) on the entry: before it is sealed.
    response = priya.post(reverse("privacy:flag_review", args=[flag.pk]), HTTP_X_FORWARDED_PORT="443")
    assert response.status_code == 302
    flag.refresh_from_db()
    assert flag.reviewed_by == world.people.priya and flag.reviewed_at
    assert flag not in priya.get(reverse("privacy:flags")).context["page"].object_list
    assert flag in priya.get(reverse("privacy:flags"), {"toon": "alle"}).context["page"].object_list
    entry = AuditEntry.objects.get(content_type__model="privacyflag", action=AuditEntry.Action.UPDATE)
    assert (entry.actor, entry.processing_activity, entry.role) == (
        world.people.priya,
        "audit_review",
        "privacy_officer",
    )
    assert entry.remote_port == 443
    assert verify().ok


def test_audit_entries_are_not_in_the_functional_admin():
    from django.contrib import admin

    assert not admin.site.is_registered(AuditEntry)
