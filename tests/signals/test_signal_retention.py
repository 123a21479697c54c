# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Signals that do not become a case are erased after the signal retention period, by `manage.py erase_expired`."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from policies.retention import signal_retention_period
from referrals.models import Resident, crypto
from referrals.services.erasure_journal import journal_read
from referrals.services.retention import residents_due_for_erasure
from signals.models import Signal
from signals.services.retention import signals_due_for_erasure
from signals.services.signals import signal_close, signal_pick_up
from tests.signals.helpers import hand_in, make_desk


def _age(signal, days):
    then = timezone.now() - timedelta(days=days)
    Signal.objects.filter(pk=signal.pk).update(created_at=then, last_activity_at=then)
    Resident.objects.filter(pk=signal.resident_id).update(created_at=then)


def test_erase_expired_erases_signals_quiet_longer_than_the_period_and_keeps_the_rest(world):
    make_desk(world.orgs.waterlelie)
    period = signal_retention_period().days
    old_open = hand_in(world)
    old_closed = signal_close(
        signal=signal_pick_up(signal=hand_in(world), actor=world.people.fatima, organisation=world.orgs.waterlelie),
        actor=world.people.fatima,
        reason="no_contact",
    )
    recent = hand_in(world)
    _age(old_open, period + 1)
    _age(old_closed, period + 1)
    _age(recent, period - 1)
    out = StringIO()
    call_command("erase_expired", stdout=out)
    assert "Erased 2 signal(s)." in out.getvalue()
    for signal in (old_open, old_closed):
        signal = Signal.objects.select_related("resident").get(pk=signal.pk)
        assert signal.erased_at is not None and signal.concern_ciphertext == ""
        assert signal.resident.erased_at is not None and signal.resident.wrapped_data_key == ""
        with pytest.raises(crypto.DataErased):
            _ = signal.concern
        assert signal.resident.pseudonym in {e.pseudonym for e in journal_read().entries}
    kept = Signal.objects.select_related("resident").get(pk=recent.pk)
    assert kept.erased_at is None and kept.concern
    out = StringIO()
    call_command("erase_expired", stdout=out)  # safe twice
    assert "Erased 0 signal(s)." in out.getvalue()


def test_the_dry_run_counts_signals_and_erases_nothing(world):
    signal = hand_in(world)
    _age(signal, signal_retention_period().days + 1)
    out = StringIO()
    call_command("erase_expired", "--dry-run", stdout=out)
    assert "1 signal(s) due" in out.getvalue()
    assert Signal.objects.get(pk=signal.pk).erased_at is None


def test_information_added_recently_keeps_a_signal(world):
    from signals.services.signals import signal_add_information

    signal = hand_in(world)
    _age(signal, signal_retention_period().days + 1)
    signal_add_information(signal=signal, actor=world.people.sami, text="Nog steeds post achter de deur.")
    assert not signals_due_for_erasure().filter(pk=signal.pk).exists()


def test_the_case_retention_rule_leaves_a_signals_resident_to_the_signal_rule(world, settings):
    # A signal's resident has no case; the case rule would erase it a year after it was made,
    # even while the signal desk still works on it.
    signal = hand_in(world)
    _age(signal, settings.RETENTION_DAYS_AFTER_CLOSE + 10)
    Signal.objects.filter(pk=signal.pk).update(last_activity_at=timezone.now())
    assert not residents_due_for_erasure().filter(pk=signal.resident_id).exists()
    assert not signals_due_for_erasure().filter(pk=signal.pk).exists()
