# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every transition and every view of personal data writes the expected, redacted audit entry."""

import pytest
from auditlog.context import set_actor
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from audit.models import AuditEntry
from audit.services.trace import new_trace
from audit.services.trail import REDACTED, log_access
from referrals import services
from referrals.models import Referral, State

UPDATE, ACCESS = AuditEntry.Action.UPDATE, AuditEntry.Action.ACCESS


def as_request(user, use_case, **kwargs):
    """One request: its own trace id, and the logged-in user as auditlog's middleware sets it."""
    trace_id = new_trace()
    before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    with set_actor(user):
        result = use_case(actor=user, **kwargs)
    return result, AuditEntry.objects.filter(id__gt=before).order_by("id"), trace_id


def state_entry(entries, referral):
    ct = ContentType.objects.get_for_model(Referral)
    matches = [
        e
        for e in entries
        if e.content_type_id == ct.pk
        and e.object_id == referral.pk
        and e.action == UPDATE
        and "state" in (e.changes or {})
    ]
    assert len(matches) == 1, [e.changes for e in entries]
    return matches[0]


def assert_entry(entry, *, actor, organisation, role, before, after, reason=""):
    assert entry.actor == actor
    assert entry.organisation == organisation
    assert entry.role == role
    assert entry.processing_activity == "referral"
    assert entry.pseudonym.startswith("R-")
    assert entry.reason == reason
    assert entry.changes["state"] == [before, after]


def assert_one_trace(entries, trace_id):
    assert entries.exists()
    assert {e.cid for e in entries} == {trace_id}


@pytest.fixture
def sent(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    return draft


@pytest.fixture
def in_progress(world, sent):
    services.referral_accept(referral=sent, actor=world.people.kees)
    services.referral_record_first_contact(referral=sent, actor=world.people.kees, on=timezone.localdate(), way="phone")
    return sent


def test_send_is_logged_with_the_legal_basis_as_reason(world, draft):
    p, o = world.people, world.orgs
    _, entries, trace = as_request(p.fatima, services.referral_send, referral=draft)
    entry = state_entry(entries, draft)
    assert_entry(
        entry,
        actor=p.fatima,
        organisation=o.waterlelie,
        role="referrer",
        before="draft",
        after="sent",
        reason="Toestemming van de inwoner",
    )
    assert entry.pseudonym == draft.case.resident.pseudonym
    assert_one_trace(entries, trace)
    # The grant to the receiving organisation is logged under the same resident.
    grant = entries.get(content_type__model="referralgroupobjectpermission")
    assert grant.pseudonym == entry.pseudonym


def test_accept_is_logged(world, sent):
    p, o = world.people, world.orgs
    _, entries, trace = as_request(p.kees, services.referral_accept, referral=sent)
    assert_entry(
        state_entry(entries, sent),
        actor=p.kees,
        organisation=o.kredietbank,
        role="intake",
        before="sent",
        after="accepted",
    )
    assert_one_trace(entries, trace)


def test_decline_is_logged_with_its_reason_and_a_redacted_note(world, sent):
    p, o = world.people, world.orgs
    _, entries, _ = as_request(
        p.kees,
        services.referral_decline,
        referral=sent,
        reason="no_capacity",
        note="Wachtlijst van zes weken voor mevrouw Jansen.",
    )
    entry = state_entry(entries, sent)
    assert_entry(
        entry,
        actor=p.kees,
        organisation=o.kredietbank,
        role="intake",
        before="sent",
        after="declined",
        reason="Geen capaciteit",
    )
    assert entry.changes["decline_note_ciphertext"] == [REDACTED, REDACTED]


def test_withdraw_is_logged(world, sent):
    p, o = world.people, world.orgs
    _, entries, _ = as_request(p.fatima, services.referral_withdraw, referral=sent)
    assert_entry(
        state_entry(entries, sent),
        actor=p.fatima,
        organisation=o.waterlelie,
        role="referrer",
        before="sent",
        after="withdrawn",
    )


def test_first_contact_close_and_reopen_are_logged(world, sent):
    p, o = world.people, world.orgs
    services.referral_accept(referral=sent, actor=p.kees)
    _, entries, _ = as_request(
        p.kees, services.referral_record_first_contact, referral=sent, on=timezone.localdate(), way="phone"
    )
    assert_entry(
        state_entry(entries, sent),
        actor=p.kees,
        organisation=o.kredietbank,
        role="intake",
        before="accepted",
        after="in_progress",
    )
    _, entries, _ = as_request(
        p.kees, services.referral_close, referral=sent, outcome="helped", note="Regeling met de energieleverancier."
    )
    entry = state_entry(entries, sent)
    assert_entry(
        entry,
        actor=p.kees,
        organisation=o.kredietbank,
        role="intake",
        before="in_progress",
        after="closed",
        reason="Geholpen",
    )
    assert entry.changes["outcome_note_ciphertext"] == [REDACTED, REDACTED]
    _, entries, _ = as_request(p.kees, services.referral_reopen, referral=sent)
    assert_entry(
        state_entry(entries, sent),
        actor=p.kees,
        organisation=o.kredietbank,
        role="intake",
        before="closed",
        after="in_progress",
    )


def test_forward_and_the_warm_handover_are_logged(world, in_progress):
    p, o = world.people, world.orgs
    child, entries, _ = as_request(
        p.kees,
        services.referral_forward,
        referral=in_progress,
        service=world.services.taalmaatje,
        summary="Wil Nederlands leren.",
        categories=[world.categories.taal],
        shared_data=["contact"],
    )
    assert_entry(
        state_entry(entries, child),
        actor=p.kees,
        organisation=o.kredietbank,
        role="intake",
        before="draft",
        after="sent",
        reason="Toestemming van de inwoner",
    )
    _, entries, _ = as_request(p.anouk, services.referral_accept, referral=child)
    assert_entry(
        state_entry(entries, child),
        actor=p.anouk,
        organisation=o.taalhuis,
        role="intake",
        before="sent",
        after="accepted",
    )
    # The handover names no role; Anouk's one membership at the Taalhuis fills it in.
    assert_entry(
        state_entry(entries, in_progress),
        actor=p.anouk,
        organisation=o.taalhuis,
        role="intake",
        before="in_progress",
        after="handed_over",
        reason="warme overdracht",
    )


def test_stop_by_the_privacy_officer_is_logged(world, sent):
    p = world.people
    _, entries, _ = as_request(p.priya, services.referral_stop, referral=sent)
    assert_entry(
        state_entry(entries, sent),
        actor=p.priya,
        organisation=world.orgs.gemeente,
        role="privacy_officer",
        before="sent",
        after="stopped",
        reason="Gestopt door de privacyfunctionaris",
    )


def test_withdrawn_consent_stops_referrals_and_is_logged(world, sent, case):
    p, o = world.people, world.orgs
    consent = case.resident.consents.get()
    _, entries, trace = as_request(
        p.fatima,
        services.consent_withdraw,
        consent=consent,
        organisation=o.waterlelie,
        reason="Wil het zelf regelen, zegt Sanne.",
    )
    consent_entry = entries.get(content_type__model="consent", action=UPDATE)
    assert consent_entry.processing_activity == "consent"
    assert consent_entry.reason == "toestemming ingetrokken"
    assert consent_entry.changes["withdrawn_reason_ciphertext"] == [REDACTED, REDACTED]
    stop = state_entry(entries, sent)
    assert stop.changes["state"] == ["sent", "stopped"]
    assert stop.reason == "Toestemming ingetrokken"
    assert_one_trace(entries, trace)
    sent.refresh_from_db()
    assert sent.state == State.STOPPED


def test_opening_a_case_logs_the_resident_fully_redacted(world):
    from tests.factories import open_case

    p, o = world.people, world.orgs
    with set_actor(p.fatima):
        case = open_case(
            actor=p.fatima, organisation=o.waterlelie, family_name="Bakker", categories=[world.categories.schulden]
        )
    entry = AuditEntry.objects.get(content_type__model="resident", action=AuditEntry.Action.CREATE)
    assert entry.object_repr == case.resident.pseudonym
    assert entry.pseudonym == case.resident.pseudonym
    assert entry.processing_activity == "case_management"
    assert (entry.actor, entry.organisation, entry.role) == (p.fatima, o.waterlelie, "referrer")
    for field in (
        "given_name_ciphertext",
        "family_name_ciphertext",
        "phone_ciphertext",
        "email_ciphertext",
        "birth_year_ciphertext",
        "match_hash",
        "wrapped_data_key",
    ):
        assert entry.changes[field] == [REDACTED, REDACTED], field


def test_a_view_of_personal_data_is_logged_as_access(world, sent):
    p, o = world.people, world.orgs
    services.referral_accept(referral=sent, actor=p.kees)
    trace = new_trace()
    entry = log_access(
        actor=p.kees,
        obj=sent,
        activity="referral",
        organisation=o.kredietbank,
        role="intake",
        reason="intake",
        fields=["summary", "contact"],
    )
    entry.refresh_from_db()
    assert entry.action == ACCESS
    assert (entry.actor, entry.organisation, entry.role) == (p.kees, o.kredietbank, "intake")
    assert entry.pseudonym == sent.case.resident.pseudonym
    assert entry.processing_activity == "referral"
    assert entry.reason == "intake"
    assert entry.changes == {"fields": ["contact", "summary"]}
    assert entry.cid == trace
    assert entry.object_repr == str(sent)


def test_log_access_refuses_an_activity_outside_the_register(world, sent):
    with pytest.raises(ValueError, match="unknown processing activity"):
        log_access(actor=world.people.kees, obj=sent, activity="curiosity")


def test_an_access_entry_without_organisation_names_the_actors_only_membership(world, sent):
    entry = log_access(actor=world.people.kees, obj=sent, activity="referral")
    assert (entry.organisation, entry.role) == (world.orgs.kredietbank, "intake")


def test_an_actor_with_several_memberships_is_not_guessed(world, sent):
    from policies.roles import Role
    from tests.factories import member

    kees = member(world.people.kees, world.orgs.taalhuis, Role.INTAKE)
    entry = log_access(actor=kees, obj=sent, activity="referral")
    assert (entry.organisation, entry.role) == (None, "")
    entry = log_access(actor=kees, obj=sent, activity="referral", organisation=world.orgs.kredietbank)
    assert (entry.organisation, entry.role) == (world.orgs.kredietbank, "intake")
