from datetime import timedelta

from django.utils import timezone

from referrals import services
from referrals.models import State


def test_a_referral_travels_from_draft_to_closed(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=draft, actor=p.kees, outcome="helped", note="Regeling getroffen.")
    draft.refresh_from_db()
    assert draft.state == State.CLOSED
    assert draft.outcome == "helped"
    assert [e.name for e in draft.events.all()] == ["create", "send", "accept", "record_first_contact", "close"]
    assert draft.respond_by > draft.sent_at
    assert draft.follow_ups.count() == 2
    assert draft.follow_ups.last().due_on == timezone.localdate() + timedelta(days=28)
