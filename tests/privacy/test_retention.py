# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Retention: `manage.py erase_expired` erases residents whose cases ended longer ago than the period."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEntry
from referrals.models import Case, Referral, Resident, State, SubjectRequest, crypto
from referrals.selectors.reports import programme_figures
from referrals.services.retention import residents_due_for_erasure, retention_erase_expired
from tests.factories import open_case
from tests.privacy.helpers import accepted, closed

YEAR = timedelta(days=365)


def _age(case, by: timedelta):
    """Move a case and everything in it `by` into the past."""
    Resident.objects.filter(pk=case.resident_id).update(created_at=timezone.now() - by)
    Case.objects.filter(pk=case.pk).update(created_at=timezone.now() - by)
    for referral in Referral.objects.filter(case=case):
        Referral.objects.filter(pk=referral.pk).update(
            created_at=referral.created_at - by,
            sent_at=referral.sent_at and referral.sent_at - by,
            ended_at=referral.ended_at and referral.ended_at - by,
        )


def test_a_case_closed_longer_than_the_period_ago_is_erased(world, draft):
    closed(world, draft)
    _age(draft.case, YEAR + timedelta(days=1))
    assert retention_erase_expired() == 1
    resident = Resident.objects.get(pk=draft.case.resident_id)
    assert resident.erased_at and resident.wrapped_data_key == ""
    with pytest.raises(crypto.DataErased):
        resident.family_name
    request = SubjectRequest.objects.get(resident=resident)
    assert request.kind == SubjectRequest.Kind.RETENTION and request.handled_by is None
    entry = AuditEntry.objects.filter(pseudonym=resident.pseudonym, content_type__model="resident").latest("pk")
    assert (entry.processing_activity, entry.reason) == ("retention", "bewaartermijn verstreken")


def test_a_case_closed_within_the_period_is_kept(world, draft):
    closed(world, draft)
    _age(draft.case, YEAR - timedelta(days=1))
    assert retention_erase_expired() == 0
    assert Resident.objects.get(pk=draft.case.resident_id).family_name == "Jansen"


def test_a_referral_still_in_progress_keeps_the_data_however_old(world, draft):
    accepted(world, draft)
    _age(draft.case, 3 * YEAR)
    assert not residents_due_for_erasure().exists()


def test_a_forgotten_case_with_only_an_old_draft_is_erased(world, draft):
    _age(draft.case, YEAR + timedelta(days=2))
    assert retention_erase_expired() == 1
    assert Referral.objects.get(pk=draft.pk).state == State.STOPPED


def test_the_retention_period_comes_from_the_settings(world, draft, settings):
    closed(world, draft)
    _age(draft.case, timedelta(days=40))
    settings.RETENTION_DAYS_AFTER_CLOSE = 30
    assert list(residents_due_for_erasure()) == [draft.case.resident]


def test_the_command_is_safe_to_run_twice_and_reports_still_count(world, draft):
    closed(world, draft)
    _age(draft.case, 2 * YEAR)
    before = programme_figures()
    out = StringIO()
    call_command("erase_expired", stdout=out)
    assert "1 resident(s) due" in out.getvalue() and "Erased 1 resident(s)" in out.getvalue()
    out = StringIO()
    call_command("erase_expired", stdout=out)
    assert "0 resident(s) due" in out.getvalue() and "Erased 0 resident(s)" in out.getvalue()
    assert SubjectRequest.objects.count() == 1
    after = programme_figures()
    assert after == before


def test_dry_run_erases_nothing(world, draft):
    closed(world, draft)
    _age(draft.case, 2 * YEAR)
    out = StringIO()
    call_command("erase_expired", "--dry-run", stdout=out)
    assert "1 resident(s) due" in out.getvalue()
    assert Resident.objects.get(pk=draft.case.resident_id).erased_at is None


def test_a_household_member_in_an_active_case_is_kept(world, draft):
    closed(world, draft)
    _age(draft.case, 2 * YEAR)
    other = open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name="Pieters",
        categories=[world.categories.schulden],
    )
    other.household.add(draft.case.resident)
    assert not residents_due_for_erasure().filter(pk=draft.case.resident_id).exists()


def test_another_residents_recent_case_does_not_block_erasure(world, draft):
    closed(world, draft)
    _age(draft.case, 2 * YEAR)
    open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name="Pieters",
        categories=[world.categories.schulden],
    )
    assert [r.pk for r in residents_due_for_erasure()] == [draft.case.resident_id]
