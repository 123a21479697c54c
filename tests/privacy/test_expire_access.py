# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""`manage.py expire_access`: the assignee's access ends when the reopen window of a closed referral ends."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEntry
from referrals.models import Referral
from referrals.selectors.referrals import visible_referrals
from referrals.services.access import access_expire
from tests.policies.helpers import has_object_perm
from tests.privacy.helpers import closed


def _closed_days_ago(referral, days):
    Referral.objects.filter(pk=referral.pk).update(closed_at=timezone.now() - timedelta(days=days))


def test_access_is_revoked_after_the_reopen_window(world, draft):
    closed(world, draft)
    kees = world.people.kees
    assert visible_referrals(kees).filter(pk=draft.pk).exists()  # kept to be able to reopen
    _closed_days_ago(draft, 31)
    out = StringIO()
    call_command("expire_access", stdout=out)
    assert "Access revoked on 1 closed referral(s)" in out.getvalue()
    assert not has_object_perm(kees, "handle_referral", draft)
    assert not has_object_perm(world.people.marieke, "receive_referral", draft)
    assert not visible_referrals(kees).filter(pk=draft.pk).exists()
    entry = AuditEntry.objects.filter(content_type__model="referraluserobjectpermission").latest("pk")
    assert entry.action == AuditEntry.Action.DELETE and "heropentermijn" in entry.reason


def test_access_stays_within_the_reopen_window(world, draft):
    closed(world, draft)
    _closed_days_ago(draft, 29)
    assert access_expire() == 0
    assert has_object_perm(world.people.kees, "handle_referral", draft)


def test_running_twice_revokes_once(world, draft):
    closed(world, draft)
    _closed_days_ago(draft, 40)
    assert access_expire() == 1
    assert access_expire() == 0


def test_the_regisseur_keeps_seeing_the_referral(world, draft):
    closed(world, draft)
    _closed_days_ago(draft, 40)
    access_expire()
    assert visible_referrals(world.people.fatima).filter(pk=draft.pk).exists()


def test_consents_expire_command_flags_open_referrals(world, draft):
    from referrals import services
    from referrals.models import Consent

    services.referral_send(referral=draft, actor=world.people.fatima)
    Consent.objects.filter(resident=draft.case.resident).update(valid_until=timezone.localdate() - timedelta(days=1))
    out = StringIO()
    call_command("consents_expire", stdout=out)
    assert "1 referral(s) flagged" in out.getvalue()
    out = StringIO()
    call_command("consents_expire", stdout=out)
    assert "0 referral(s) flagged" in out.getvalue()
