# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from datetime import timedelta

from django.utils import timezone

from referrals import services
from referrals.models import EventName, State


def test_a_referral_travels_from_draft_to_closed(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=draft, actor=p.kees, outcome="helped", note="Regeling getroffen.")
    draft.refresh_from_db()
    assert draft.state == State.CLOSED
    assert draft.outcome == "helped"
    assert [e.name for e in draft.events.all()] == [
        EventName.CREATE,
        EventName.SEND,
        EventName.ACCEPT,
        EventName.RECORD_FIRST_CONTACT,
        EventName.CLOSE,
    ]
    assert draft.respond_by > draft.sent_at
    assert draft.follow_ups.count() == 2
    assert draft.follow_ups.last().due_on == timezone.localdate() + timedelta(days=28)


def test_entries_written_by_services_name_the_actor_also_outside_a_request(world, draft):
    from audit.models import AuditEntry

    services.referral_send(referral=draft, actor=world.people.fatima)
    services.referral_accept(referral=draft, actor=world.people.kees)
    entry = AuditEntry.objects.filter(content_type__model="referral", action=AuditEntry.Action.UPDATE).latest("pk")
    assert entry.changes["state"] == ["sent", "accepted"]
    assert (entry.actor, entry.organisation, entry.role) == (world.people.kees, world.orgs.kredietbank, "intake")
    assert entry.pseudonym == draft.case.resident.pseudonym and entry.processing_activity == "referral"
