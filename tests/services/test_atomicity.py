# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A crash in the middle of a handover leaves the previous state intact."""

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from referrals import services
from referrals.models import EventName, FollowUp, ReferralEvent, ReferralUserObjectPermission, State
from referrals.selectors.referrals import visible_referrals
from referrals.services import referrals as referral_services


class Boom(Exception):
    pass


def test_a_crash_inside_accept_leaves_the_referral_sent(world, draft, monkeypatch):
    services.referral_send(referral=draft, actor=world.people.fatima)
    counts = (ReferralEvent.objects.count(), FollowUp.objects.count(), AuditEntry.objects.count())

    def explode(*args, **kwargs):
        raise Boom("disk full")

    # The crash comes after the state change and the permission grant were written.
    monkeypatch.setattr(services.referrals.FollowUp.objects, "create", explode)
    with pytest.raises(Boom):
        services.referral_accept(referral=draft, actor=world.people.kees)

    draft.refresh_from_db()
    assert draft.state == State.SENT
    assert draft.assignee is None
    assert not ReferralUserObjectPermission.objects.filter(content_object=draft).exists()
    # None of the work's entries is kept; the attempt is, as failed (Logboek Dataverwerkingen): the
    # accept itself, without its changes.
    events, follow_ups, entries = counts
    assert (ReferralEvent.objects.count(), FollowUp.objects.count()) == (events, follow_ups)
    [failed] = AuditEntry.objects.order_by("id")[entries:]
    assert (failed.content_type.model, failed.object_pk, failed.changes) == ("referral", str(draft.pk), None)
    assert failed.reason == "mislukt (Boom); niets gewijzigd"


def test_a_crash_while_handing_over_the_parent_leaves_both_referrals_as_they_were(world, draft, monkeypatch):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    child = services.referral_forward(
        referral=draft,
        actor=p.kees,
        service=world.services.taalmaatje,
        summary="Taal.",
        categories=[world.categories.taal],
    )

    record = referral_services._record

    def explode_at_hand_over(referral, name, *args, **kwargs):
        # The parent is already saved as handed over when its event is written: crash there.
        if name == EventName.HAND_OVER:
            raise Boom("connection lost")
        return record(referral, name, *args, **kwargs)

    monkeypatch.setattr(referral_services, "_record", explode_at_hand_over)
    with pytest.raises(Boom):
        services.referral_accept(referral=child, actor=p.anouk)

    draft.refresh_from_db()
    child.refresh_from_db()
    assert (draft.state, child.state) == (State.IN_PROGRESS, State.SENT)
    assert visible_referrals(p.kees).filter(pk=draft.pk).exists()
    assert not visible_referrals(p.anouk).filter(pk=child.pk, assignee=p.anouk).exists()
