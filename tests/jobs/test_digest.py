# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""One digest a day per person for non-urgent notices; urgent ones at once; each person chooses."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import NoticeSettings
from audit.services.sealing import audited
from referrals import services
from referrals.models import DigestItem, Email, Notification, Urgency
from referrals.services.notifications import notify
from referrals.services.outbox import digests_write
from tests.worker import run_queued_tasks


@pytest.fixture
def email_on(settings):
    settings.NOTIFY_BY_EMAIL = True
    settings.SITE_URL = "https://overdracht.example"


def _choose(user, choice):
    NoticeSettings.objects.update_or_create(user=user, defaults={"email": choice})


def _tell(users, message, referral, kind=Notification.Kind.OTHER):
    with audited():
        notify(users, kind, message, referral=referral)


def test_non_urgent_notices_wait_for_one_digest_a_day_with_links_and_no_personal_data(
    email_on, world, draft, django_capture_on_commit_callbacks
):
    kees = world.people.kees  # never chose: the daily digest
    _tell([kees], f"Nieuwe verwijzing {draft}", draft)
    _tell([kees], f"Verwijzing {draft} is toegewezen", draft)
    assert Email.objects.count() == 0 and DigestItem.objects.count() == 2

    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_write(now=now) == 1
    run_queued_tasks()
    (digest,) = mail.outbox
    assert digest.to == [kees.email]
    for notice in Notification.objects.filter(recipient=kees):
        assert notice.message in digest.body
        assert f"https://overdracht.example/meldingen/{notice.pk}/" in digest.body
    resident = draft.case.resident
    for personal in (resident.family_name, resident.given_name, resident.phone, "Aanmaningen"):
        assert personal not in digest.body and personal not in digest.subject

    # Later that day: a new notice waits for tomorrow's digest, not a second one today.
    _tell([kees], f"Verwijzing {draft} is gewijzigd", draft)
    assert digests_write(now=now + timedelta(minutes=5)) == 0
    assert DigestItem.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_write(now=now + timedelta(days=1)) == 1
    run_queued_tasks()
    assert len(mail.outbox) == 2 and "gewijzigd" in mail.outbox[1].body
    assert Email.objects.filter(kind="digest", recipient=kees).count() == 2


def test_a_notice_read_before_the_digest_is_not_emailed(email_on, world, draft):
    kees = world.people.kees
    _tell([kees], "Gelezen", draft)
    Notification.objects.filter(recipient=kees).update(read_at=timezone.now())
    assert digests_write() == 0
    assert DigestItem.objects.count() == 0 and mail.outbox == []


@pytest.mark.parametrize(
    "choice, now, digest",
    [(NoticeSettings.Email.IMMEDIATELY, 1, 0), (NoticeSettings.Email.DAILY, 0, 1), (NoticeSettings.Email.NEVER, 0, 0)],
)
def test_each_person_chooses_for_non_urgent_notices(email_on, world, draft, choice, now, digest):
    _choose(world.people.kees, choice)
    _tell([world.people.kees], "Bericht", draft)
    assert Email.objects.filter(kind="notice").count() == now
    assert DigestItem.objects.count() == digest


@pytest.mark.parametrize("choice", list(NoticeSettings.Email))
def test_urgent_referrals_and_escalations_are_emailed_at_once_whatever_the_choice(
    email_on, world, draft, choice, django_capture_on_commit_callbacks
):
    kees = world.people.kees
    _choose(kees, choice)
    _tell([kees], "Termijn verstreken", draft, kind=Notification.Kind.ESCALATED)
    draft.urgency = Urgency.URGENT
    draft.save(update_fields=["urgency"])
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_send(referral=draft, actor=world.people.fatima)
    assert Email.objects.filter(recipient=kees, kind="notice").count() == 2
    assert not DigestItem.objects.filter(recipient=kees).exists()
    run_queued_tasks()
    assert len([m for m in mail.outbox if m.to == [kees.email]]) == 1  # the escalation's task never ran here
    assert Email.objects.filter(recipient=kees, sent_at__isnull=False).count() == 1


def test_no_email_at_all_while_email_is_off(world, draft, settings):
    settings.NOTIFY_BY_EMAIL = False
    _choose(world.people.kees, NoticeSettings.Email.IMMEDIATELY)
    _tell([world.people.kees], "Termijn verstreken", draft, kind=Notification.Kind.ESCALATED)
    assert Email.objects.count() == 0 and DigestItem.objects.count() == 0
