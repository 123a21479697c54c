# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Refused attempts leave a trace (issue 11, point 7) and a leaver's attempt is flagged at once (point 1).

A page about a resident that answers 404 or 403 writes a REFUSED audit entry: who, which object
(type and id — also an id that does not exist), which page (URL pattern), nothing of the object.
detect_unusual_access flags many refusals by one user in a short while.
"""

import csv
import io
import json
from datetime import date, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import forget_actor
from audit.models import AuditEntry, PrivacyFlag
from audit.services.flags import detect_unusual_access
from referrals import services
from referrals.models import Case, Consent, Referral

REFUSED = AuditEntry.Action.REFUSED
WEDNESDAY = date(2026, 11, 18)


@pytest.fixture
def sent(world, draft):
    return services.referral_send(referral=draft, actor=world.people.fatima)


@pytest.fixture
def accepted(world, sent):
    return services.referral_accept(referral=sent, actor=world.people.kees)


def refusals(user=None):
    qs = AuditEntry.objects.filter(action=REFUSED).select_related("content_type").order_by("id")
    return list(qs.filter(actor=user) if user is not None else qs)


def leave(user):
    """The membership ended yesterday (as the policy matrix's leaver)."""
    Membership.objects.filter(user=user).update(valid_until=timezone.localdate() - timedelta(days=1))
    forget_actor(user)


def test_an_uninvolved_partner_opening_a_referral_leaves_a_trace_without_personal_data(client, world, sent):
    bas = world.people.bas
    client.force_login(bas)
    assert client.get(reverse("referral_detail", args=[sent.pk])).status_code == 404
    [entry] = refusals(bas)
    assert (entry.content_type.model, entry.object_id, entry.object_pk) == ("referral", sent.pk, str(sent.pk))
    assert entry.pseudonym == sent.case.resident.pseudonym
    assert entry.reason == "geweigerd: geen toegang (404) op referral_detail"
    assert entry.processing_activity == "referral"
    assert entry.organisation == world.orgs.woej  # his one membership names the capacity
    assert entry.changes is None and entry.serialized_data is None
    values = " ".join(str(getattr(entry, f.attname)) for f in AuditEntry._meta.concrete_fields)
    for personal in ("Sanne", "Jansen", "0612345678", "Aanmaningen"):
        assert personal not in values
    assert not PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.LEAVER_ATTEMPT).exists()


def test_scanning_ids_that_do_not_exist_is_recorded(client, world, sent):
    bas = world.people.bas
    client.force_login(bas)
    missing = {
        "referral": Referral.objects.order_by("-pk").first().pk + 1000,
        "case": Case.objects.order_by("-pk").first().pk + 1000,
        "consent": Consent.objects.order_by("-pk").first().pk + 1000,
    }
    assert client.get(reverse("referral_detail", args=[missing["referral"]])).status_code == 404
    assert client.get(reverse("referral_accept", args=[missing["referral"]])).status_code == 404
    assert client.get(reverse("case_detail", args=[missing["case"]])).status_code == 404
    assert client.get(reverse("consent_receipt", args=[missing["consent"]])).status_code == 404
    assert client.get(reverse("rights:inzage", args=["R-NOTEXIST"])).status_code == 404
    seen = [(e.content_type.model, e.object_pk, e.reason) for e in refusals(bas)]
    assert seen == [
        ("referral", str(missing["referral"]), "geweigerd: bestaat niet (404) op referral_detail"),
        ("referral", str(missing["referral"]), "geweigerd: bestaat niet (404) op referral_accept"),
        ("case", str(missing["case"]), "geweigerd: bestaat niet (404) op case_detail"),
        ("consent", str(missing["consent"]), "geweigerd: bestaat niet (404) op consent_receipt"),
        ("resident", "R-NOTEXIST", "geweigerd: bestaat niet (404) op rights:inzage"),
    ]
    assert refusals(bas)[-1].pseudonym == "R-NOTEXIST"
    # The privacy officer sees which ids were tried.
    client.force_login(world.people.priya)
    html = client.get(reverse("privacy:search"), {"gebruiker": "bas"}).content.decode()
    assert f"referral {missing['referral']}<" in html and f"case {missing['case']}<" in html


def test_an_action_refused_with_403_is_recorded(client, world, sent, case):
    kees = world.people.kees  # sees the referral (receiver), may not withdraw it (the sender's)
    client.force_login(kees)
    assert client.post(reverse("referral_withdraw", args=[sent.pk])).status_code == 403
    [entry] = refusals(kees)
    assert entry.reason == "geweigerd: handeling niet toegestaan (403) op referral_withdraw"
    priya = world.people.priya  # may erase, not read the inzage
    client.force_login(priya)
    assert client.get(reverse("rights:inzage", args=[case.resident.pseudonym])).status_code == 403
    [entry] = refusals(priya)
    assert (entry.content_type.model, entry.pseudonym) == ("resident", case.resident.pseudonym)
    assert entry.reason == "geweigerd: handeling niet toegestaan (403) op rights:inzage"


def test_the_residents_inzage_does_not_count_a_refusal_as_an_access_or_change(client, world, sent):
    client.force_login(world.people.bas)
    client.get(reverse("referral_detail", args=[sent.pk]))
    assert len(refusals(world.people.bas)) == 1
    client.force_login(world.people.fatima)  # the regisseur produces the inzage
    data = client.get(reverse("rights:inzage_json", args=[sent.case.resident.pseudonym])).json()
    assert data["accesses"] and data["changes"]
    assert "Bas" not in {e["who"] for e in data["accesses"] + data["changes"]}


def test_a_page_that_is_allowed_records_no_refusal(client, world, sent):
    client.force_login(world.people.fatima)
    assert client.get(reverse("referral_detail", args=[sent.pk])).status_code == 200
    assert refusals() == []


def test_the_refusal_survives_a_view_that_runs_in_a_transaction(client, world, sent):
    # With ATOMIC_REQUESTS the 404 rolls back everything the view wrote; the trace must stay.
    client.force_login(world.people.bas)
    connection.settings_dict["ATOMIC_REQUESTS"] = True
    try:
        assert client.get(reverse("referral_detail", args=[sent.pk])).status_code == 404
    finally:
        connection.settings_dict["ATOMIC_REQUESTS"] = False
    assert len(refusals(world.people.bas)) == 1


def test_a_leaver_reading_a_referral_is_flagged_at_once(client, world, accepted):
    kees = world.people.kees  # accepted it and is its assignee; left the Kredietbank yesterday
    leave(kees)
    client.force_login(kees)
    assert client.get(reverse("referral_detail", args=[accepted.pk])).status_code == 404
    assert client.get(reverse("referral_detail", args=[accepted.pk])).status_code == 404
    entries = refusals(kees)
    assert len(entries) == 2
    assert (entries[0].organisation, entries[0].role) == (world.orgs.kredietbank, "intake")
    [flag] = PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.LEAVER_ATTEMPT)  # once per object a day
    assert (flag.actor, flag.organisation, flag.referral_id) == (kees, world.orgs.kredietbank, accepted.pk)
    assert flag.pseudonym == accepted.case.resident.pseudonym
    assert flag.details["entry"] == entries[0].pk
    assert flag.details["reden"] == (
        f"lidmaatschap bij Kredietbank (intake) is beëindigd; toch geprobeerd te openen: "
        f"referral:{accepted.pk} op referral_detail"
    )
    assert flag.get_kind_display() == "Poging tot inzage na einde lidmaatschap"


def test_a_leaving_regisseur_is_flagged_on_the_case_consent_and_rights_pages(client, world, case):
    fatima = world.people.fatima  # opened the case and is its regisseur
    consent = Consent.objects.get(resident=case.resident)
    leave(fatima)
    client.force_login(fatima)
    assert client.get(reverse("case_detail", args=[case.pk])).status_code == 404
    assert client.get(reverse("consent_receipt", args=[consent.pk])).status_code == 404
    assert client.get(reverse("rights:inzage", args=[case.resident.pseudonym])).status_code == 404
    flags = PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.LEAVER_ATTEMPT).order_by("pk")
    assert [(f.actor, f.organisation, f.pseudonym) for f in flags] == [
        (fatima, world.orgs.waterlelie, case.resident.pseudonym)
    ] * 3
    assert [f.details["reden"].split(": ")[-1] for f in flags] == [
        f"case:{case.pk} op case_detail",
        f"consent:{consent.pk} op consent_receipt",
        f"resident:{case.resident.pk} op rights:inzage",
    ]


def test_a_leaver_of_another_organisation_is_not_flagged_as_a_leaver(client, world, sent):
    bas = world.people.bas  # left Woej, which never had anything to do with this referral
    leave(bas)
    client.force_login(bas)
    assert client.get(reverse("referral_detail", args=[sent.pk])).status_code == 404
    assert len(refusals(bas)) == 1
    assert not PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.LEAVER_ATTEMPT).exists()


# --- detect_unusual_access: many refusals by one user -----------------------------------------


def at(day, hour, minute=0):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def refused(user, moment, pk=1):
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Referral),
        object_pk=str(pk),
        object_id=pk,
        object_repr="",
        action=REFUSED,
        actor=user,
        timestamp=moment,
        processing_activity="referral",
        reason="geweigerd: bestaat niet (404) op referral_detail",
    )


def test_many_refusals_in_an_hour_are_flagged_once(world):
    bas = world.people.bas
    for n in range(10):  # ten ids tried within 45 minutes
        refused(bas, at(WEDNESDAY, 14, n * 5), pk=1000 + n)
    flags = detect_unusual_access(day=WEDNESDAY)
    assert [(f.kind, f.actor) for f in flags] == [(PrivacyFlag.Kind.MANY_REFUSALS, bas)]
    assert (flags[0].details["refusals"], flags[0].details["minutes"], flags[0].details["from_time"]) == (
        10,
        60,
        "14:00",
    )
    assert detect_unusual_access(day=WEDNESDAY) == []  # a second run adds nothing


def test_refusals_spread_over_the_day_are_not_flagged(world):
    bas = world.people.bas
    for n in range(12):  # one every 20 minutes: never ten within an hour
        refused(bas, at(WEDNESDAY, 9) + timedelta(minutes=20 * n))
    for n in range(9):  # nine in a burst: one short
        refused(world.people.kees, at(WEDNESDAY, 15, n))
    assert detect_unusual_access(day=WEDNESDAY) == []


def test_the_threshold_comes_from_the_settings(world, settings):
    settings.UNUSUAL_REFUSALS, settings.UNUSUAL_REFUSALS_MINUTES = 3, 10
    bas = world.people.bas
    for minute in (0, 4, 8):
        refused(bas, at(WEDNESDAY, 11, minute))
    assert [f.details["refusals"] for f in detect_unusual_access(day=WEDNESDAY)] == [3]


def test_a_burst_across_midnight_counts_on_the_day_it_ends(world):
    bas, thursday = world.people.bas, WEDNESDAY + timedelta(days=1)
    for minute in range(40, 60, 4):  # five before midnight
        refused(bas, at(WEDNESDAY, 23, minute))
    for minute in range(0, 10, 2):  # five after
        refused(bas, at(thursday, 0, minute))
    assert detect_unusual_access(day=WEDNESDAY) == []
    assert [f.details["refusals"] for f in detect_unusual_access(day=thursday)] == [10]


def test_refusals_do_not_count_as_reads(world, sent):
    # Reads drive the other rules (many residents, outside office hours): a refusal shows nothing.
    for n in range(3):
        refused(world.people.bas, at(WEDNESDAY, 23, n), pk=sent.pk)
    assert [f.kind for f in detect_unusual_access(day=WEDNESDAY)] == []


# --- the privacy officer sees them --------------------------------------------------------------


def test_the_privacy_officer_finds_refusals_and_leaver_flags(client, world, accepted):
    kees, bas = world.people.kees, world.people.bas
    client.force_login(bas)
    client.get(reverse("referral_detail", args=[accepted.pk]))
    leave(kees)
    client.force_login(kees)
    client.get(reverse("referral_detail", args=[accepted.pk]))
    client.force_login(world.people.priya)
    pseudonym = accepted.case.resident.pseudonym

    response = client.get(reverse("privacy:search"), {"handeling": REFUSED})
    assert response.status_code == 200
    assert {row["entry"].actor for row in response.context["rows"]} == {kees, bas}
    assert {row["action"] for row in response.context["rows"]} == {"geweigerd"}
    assert "geweigerd: geen toegang (404) op referral_detail" in response.content.decode()

    report = client.get(reverse("privacy:resident", args=[pseudonym]))
    assert report.status_code == 200
    assert ("bas", "refused") in {(r["actor__username"], r["action_label"]) for r in report.context["by_who"]}

    flags = client.get(reverse("privacy:flags"))
    assert flags.status_code == 200
    assert "Poging tot inzage na einde lidmaatschap" in flags.content.decode()
    assert "lidmaatschap bij Kredietbank (intake) is beëindigd" in flags.content.decode()

    exported = client.get(reverse("privacy:export", args=["jsonl"]), {"handeling": REFUSED})
    records = [json.loads(line) for line in b"".join(exported.streaming_content).decode().splitlines()]
    assert {(r["name"], r["status_code"]) for r in records} == {("referral.referral.refused", 2)}  # ERROR
    exported = client.get(reverse("privacy:export", args=["csv"]), {"handeling": REFUSED})
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert {(r["action"], r["object_type"], r["object_id"]) for r in rows} == {
        ("refused", "referral", str(accepted.pk))
    }
