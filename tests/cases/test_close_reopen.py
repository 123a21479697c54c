# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Closing a case with a coded reason (refused while referrals run), the waakvlam, reopening."""

from datetime import date

import pytest
from django.utils import timezone

from policies.cases import WAAKVLAM_MONTHS
from referrals import services
from referrals.models import Case, CaseEvent, FollowUp
from referrals.services import ActionRefused
from referrals.services.case_closing import months_later


def test_closing_sets_the_reason_and_plans_a_waakvlam_for_the_regisseur(world, worked):
    services.case_close(case=worked, actor=world.people.fatima, reason="resolved")
    worked.refresh_from_db()
    assert worked.status == Case.Status.CLOSED and worked.closed_reason == "resolved" and worked.closed_at
    [waakvlam] = FollowUp.objects.filter(case=worked, kind=FollowUp.Kind.WAAKVLAM)
    assert waakvlam.owner == world.people.fatima
    assert waakvlam.due_on == months_later(timezone.localdate(), WAAKVLAM_MONTHS)
    assert waakvlam.done_on is None
    [event] = CaseEvent.objects.filter(case=worked)
    assert (event.name, event.reason) == (CaseEvent.Name.CLOSED, "resolved")


@pytest.mark.parametrize("reason", ["moved_away", "deceased"])
def test_no_waakvlam_when_there_is_nobody_to_call(world, worked, reason):
    services.case_close(case=worked, actor=world.people.fatima, reason=reason)
    assert not FollowUp.objects.filter(case=worked, kind=FollowUp.Kind.WAAKVLAM).exists()


def test_closing_is_refused_while_a_referral_runs_and_names_it(world, draft):
    services.referral_send(referral=draft, actor=world.people.fatima)
    with pytest.raises(ActionRefused) as refused:
        services.case_close(case=draft.case, actor=world.people.fatima, reason="resolved")
    assert f"{draft.case.reference}/{draft.pk} (Kredietbank, verstuurd)" in refused.value.message
    draft.case.refresh_from_db()
    assert draft.case.status == Case.Status.OPEN
    assert not CaseEvent.objects.exists()


def test_closing_needs_a_known_reason(world, worked):
    with pytest.raises(ActionRefused, match="Kies waarom") as refused:
        services.case_close(case=worked, actor=world.people.fatima, reason="bored")
    assert refused.value.field == "reason"


def test_closing_is_refused_while_the_regie_is_offered(world, worked):
    services.regie_offer(
        case=worked, actor=world.people.fatima, to_user=world.people.ruud, organisation=world.orgs.gemeente
    )
    with pytest.raises(ActionRefused, match="trek dat aanbod eerst in"):
        services.case_close(case=worked, actor=world.people.fatima, reason="resolved")


def test_closing_twice_says_it_is_closed(world, worked):
    services.case_close(case=worked, actor=world.people.fatima, reason="resolved")
    with pytest.raises(ActionRefused, match="al gesloten"):
        services.case_close(case=worked, actor=world.people.fatima, reason="resolved")


def test_reopening_opens_the_case_and_drops_its_waakvlam(world, worked):
    services.case_close(case=worked, actor=world.people.fatima, reason="no_help_wanted")
    services.case_reopen(case=worked, actor=world.people.fatima)
    worked.refresh_from_db()
    assert (worked.status, worked.closed_at, worked.closed_reason) == (Case.Status.OPEN, None, "")
    assert not FollowUp.objects.filter(case=worked, kind=FollowUp.Kind.WAAKVLAM).exists()
    assert FollowUp.objects.filter(case=worked, kind=FollowUp.Kind.NAZORG).exists()  # the referral's stay
    assert list(CaseEvent.objects.filter(case=worked).values_list("name", flat=True)) == ["closed", "reopened"]
    with pytest.raises(ActionRefused, match="De casus is open"):
        services.case_reopen(case=worked, actor=world.people.fatima)


def test_a_closed_case_keeps_no_household_changes(world, worked):
    services.case_close(case=worked, actor=world.people.fatima, reason="resolved")
    with pytest.raises(ActionRefused, match="gesloten: heropen"):
        services.household_add(case=worked, actor=world.people.fatima, given_name="Noor", family_name="Jansen")


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 1, 15), 3, date(2026, 4, 15)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2026, 10, 31), 2, date(2026, 12, 31)),
    ],
)
def test_months_later_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert months_later(day, months) == expected
