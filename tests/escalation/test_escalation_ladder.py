# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The escalation ladder with a fixed clock: deadline passes → the receiving coordinators; one
working day later → the referrer and the regisseur; over weekends and Dutch public holidays."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from policies.working_days import add_working_days, is_working_day
from referrals import services
from referrals.models import EventName, Notification, Referral
from referrals.services.escalation import escalate_overdue

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.mark.parametrize(
    "start, days, expected",
    [
        (at(2026, 11, 26, 10), 1, at(2026, 11, 27, 10)),  # Thursday → Friday
        (at(2026, 11, 27, 10), 1, at(2026, 11, 30, 10)),  # Friday → Monday: the weekend does not count
        (at(2026, 12, 24, 9), 1, at(2026, 12, 28, 9)),  # Christmas Eve → Monday after Christmas
        (at(2027, 4, 26, 15), 1, at(2027, 4, 28, 15)),  # the day before King's Day → the day after
        (at(2026, 11, 23, 8), 5, at(2026, 11, 30, 8)),  # a working week
    ],
)
def test_working_days_skip_weekends_and_dutch_public_holidays(start, days, expected):
    assert add_working_days(start, days) == expected


def test_public_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 12, 25)) and not is_working_day(date(2027, 4, 27))
    assert is_working_day(date(2026, 12, 24))


@pytest.fixture
def overdue(world, draft):
    """A sent referral whose deadline is Friday 27 November 2026, 17:00."""
    services.referral_send(referral=draft, actor=world.people.fatima)
    Referral.objects.filter(pk=draft.pk).update(sent_at=at(2026, 11, 20, 17), respond_by=at(2026, 11, 27, 17))
    return draft


def notices(referral):
    return {
        (n.recipient.username, n.event_key) for n in Notification.objects.filter(referral=referral, kind="escalated")
    }


def test_the_ladder_over_a_weekend(world, overdue):
    assert escalate_overdue(now=at(2026, 11, 27, 16, 59)) == 0
    assert notices(overdue) == set()

    assert escalate_overdue(now=at(2026, 11, 27, 17, 1)) == 1
    assert notices(overdue) == {("marieke", "escalation-1")}  # the Kredietbank's coordinator only
    overdue.refresh_from_db()
    assert overdue.escalation == 1 and not overdue.is_escalated

    # Saturday, Sunday and Monday morning: not yet a working day later.
    for now in (at(2026, 11, 28, 12), at(2026, 11, 29, 12), at(2026, 11, 30, 16, 59)):
        assert escalate_overdue(now=now) == 0

    assert escalate_overdue(now=at(2026, 11, 30, 17)) == 1
    regisseur = overdue.case.regisseur.username
    assert notices(overdue) == {("marieke", "escalation-1"), ("fatima", "escalation-2"), (regisseur, "escalation-2")}
    overdue.refresh_from_db()
    assert overdue.is_escalated
    assert overdue.events.filter(name=EventName.ESCALATE).count() == 2


def test_the_ladder_over_christmas(world, overdue):
    Referral.objects.filter(pk=overdue.pk).update(respond_by=at(2026, 12, 24, 12))
    escalate_overdue(now=at(2026, 12, 24, 13))
    for now in (at(2026, 12, 25, 13), at(2026, 12, 26, 13), at(2026, 12, 27, 13), at(2026, 12, 28, 11, 59)):
        assert escalate_overdue(now=now) == 0
    assert escalate_overdue(now=at(2026, 12, 28, 12)) == 1


def test_a_late_first_run_takes_both_steps_at_once_and_tells_everyone_once(world, overdue):
    assert escalate_overdue(now=at(2026, 12, 2, 9)) == 2
    assert escalate_overdue(now=at(2026, 12, 2, 9)) == 0
    told_twice_over = 1 + len({overdue.from_user, overdue.case.regisseur})  # the coordinator; referrer and regisseur
    assert Notification.objects.filter(referral=overdue, kind="escalated").count() == told_twice_over


def test_an_accepted_referral_is_not_escalated(world, overdue):
    services.referral_accept(referral=overdue, actor=world.people.kees)
    assert escalate_overdue(now=at(2026, 12, 2, 9)) == 0
    assert not Notification.objects.filter(kind="escalated").exists()


def test_escalation_messages_name_the_reference_not_the_resident(world, overdue):
    escalate_overdue(now=at(2026, 12, 2, 9))
    resident = overdue.case.resident
    for notice in Notification.objects.filter(kind="escalated"):
        assert str(overdue) in notice.message
        assert resident.family_name not in notice.message and "Aanmaningen" not in notice.message


def test_the_command_runs_the_ladder_now(world, overdue, capsys):
    Referral.objects.filter(pk=overdue.pk).update(respond_by=timezone.now() - timezone.timedelta(days=10))
    call_command("escalate_overdue")
    assert "2 escalation step(s)" in capsys.readouterr().out


def test_one_event_is_told_once_even_when_notify_runs_twice(world, overdue):
    from referrals.services.notifications import notify

    for _ in range(2):
        notify([world.people.marieke], Notification.Kind.ESCALATED, "x", referral=overdue, event_key="escalation-1")
    assert (
        Notification.objects.filter(recipient=world.people.marieke, referral=overdue)
        .filter(event_key="escalation-1")
        .count()
        == 1
    )
