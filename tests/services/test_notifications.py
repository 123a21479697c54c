# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every message a service sends says what it is about (Notification.Kind), to the people concerned.

Fatima referred (and is the case's regisseur); Kees, Joost (kees2) and Marieke receive at the
Kredietbank, Anouk at the Taalhuis; Priya is the privacy officer.
"""

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone

from referrals import services
from referrals.models import Notification

K = Notification.Kind
KREDIETBANK = {"kees", "joost", "marieke"}


def told(step) -> set[tuple[str, str]]:
    """Run `step`; who was told what kind of thing by it."""
    before = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
    step()
    return set(Notification.objects.filter(pk__gt=before).values_list("recipient__username", "kind"))


def _forward(world, parent):
    return services.referral_forward(
        referral=parent,
        actor=world.people.kees,
        service=world.services.taalmaatje,
        summary="Wil graag Nederlands oefenen.",
        categories=[world.categories.taal],
    )


def test_a_warm_journey_tells_each_step_by_its_kind(world, draft):
    p = world.people
    assert told(lambda: services.referral_send(referral=draft, actor=p.fatima)) == {
        (name, K.NEW_REFERRAL) for name in KREDIETBANK
    }
    assert told(lambda: services.referral_accept(referral=draft, actor=p.kees)) == {("fatima", K.ACCEPTED)}
    assert told(
        lambda: services.referral_record_first_contact(
            referral=draft, actor=p.kees, on=timezone.localdate(), way="phone"
        )
    ) == {("fatima", K.FIRST_CONTACT)}

    child = _forward(world, draft)
    assert Notification.objects.filter(referral=child).get().kind == K.NEW_REFERRAL
    assert told(
        lambda: services.referral_decline(referral=child, actor=p.anouk, reason="no_capacity", note="Wachtlijst.")
    ) == {("kees", K.DECLINED), ("fatima", K.DECLINED), ("kees", K.FORWARD_DECLINED)}

    child = _forward(world, draft)
    assert told(lambda: services.referral_accept(referral=child, actor=p.anouk)) == {
        ("kees", K.ACCEPTED),
        ("fatima", K.ACCEPTED),
        ("kees", K.HANDED_OVER),
    }


def test_assigning_and_closing_are_told_by_their_kind(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    assert told(lambda: services.referral_assign(referral=draft, actor=p.marieke, assignee=p.kees2)) == {
        ("fatima", K.ACCEPTED),
        ("joost", K.ASSIGNED),
    }
    services.referral_record_first_contact(referral=draft, actor=p.kees2, on=timezone.localdate(), way="phone")
    assert told(lambda: services.referral_close(referral=draft, actor=p.kees2, outcome="helped", note="")) == {
        ("fatima", K.CLOSED)
    }


def test_withdrawing_and_stopping_are_told_by_their_kind(world, case, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    assert told(lambda: services.referral_withdraw(referral=draft, actor=p.fatima)) == {
        (name, K.WITHDRAWN) for name in KREDIETBANK
    }
    second = services.referral_create_and_send(
        case=case,
        actor=p.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp,
        summary="Opnieuw.",
        categories=[world.categories.schulden],
        shared_data=["contact", "summary", "needs"],
    )
    assert told(lambda: services.referral_stop(referral=second, actor=p.priya)) == {
        (name, K.STOPPED) for name in KREDIETBANK | {"fatima"}
    }


def test_expired_consent_is_told_by_its_kind(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    draft.refresh_from_db()
    later = draft.consent.valid_until + timedelta(days=1)
    assert told(lambda: services.consents_expire(today=later)) == {
        ("fatima", K.CONSENT_EXPIRED),
        ("kees", K.CONSENT_EXPIRED),
    }
