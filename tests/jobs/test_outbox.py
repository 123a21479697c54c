# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""E-mail through the outbox, against a real SMTP server: an outage loses none and sends none twice."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.models import NoticeSettings
from audit.services.sealing import audited
from referrals import services
from referrals.models import Email, Notification
from referrals.services.notifications import notify
from referrals.services.outbox import emails_send_due
from tests.worker import run_queued_tasks, worker


def _immediately(*users):
    for user in users:
        NoticeSettings.objects.update_or_create(user=user, defaults={"email": NoticeSettings.Email.IMMEDIATELY})


@pytest.mark.django_db(transaction=True)
def test_an_smtp_outage_loses_no_email_and_sends_none_twice(mail_server, world, draft):
    people = world.people
    _immediately(people.kees, people.kees2, people.marieke)
    mail_server.refusing = "451 4.3.0 Tijdelijk niet beschikbaar"

    services.referral_send(referral=draft, actor=people.fatima)  # commits: the e-mails' tasks are queued
    emails = list(Email.objects.order_by("pk"))
    addresses = sorted(p.email for p in (people.kees, people.kees2, people.marieke))
    assert sorted(e.recipient.email for e in emails) == addresses

    worker().run()  # the real worker loop (batch mode): each task tries once, the server refuses
    assert mail_server.received == [] and mail_server.refused == len(emails)
    start = timezone.now()
    for email in Email.objects.all():
        assert (email.sent_at, email.attempts, email.last_error) == (None, 1, "SMTP 451")
        assert email.next_attempt_at > start  # backoff: not before the next minute
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}

    # Down altogether: connections refused. Nothing is lost, the wait grows.
    mail_server.stop()
    assert emails_send_due(now=start + timedelta(minutes=2)) == 0
    assert emails_send_due(now=start + timedelta(minutes=2)) == 0  # not due again yet: no third attempt
    for email in Email.objects.all():
        assert (email.sent_at, email.attempts, email.last_error) == (None, 2, "ConnectionRefusedError")
        assert email.next_attempt_at >= start + timedelta(minutes=4)

    # Back, accepting: the sweep sends each e-mail once; later sweeps and workers send nothing more.
    mail_server.start()
    mail_server.refusing = None
    assert emails_send_due(now=start + timedelta(minutes=10)) == len(emails)
    assert emails_send_due(now=start + timedelta(days=1)) == 0
    worker().run()
    assert sorted(mail_server.recipients()) == addresses
    assert all(email.sent_at is not None for email in Email.objects.all())
    for message in mail_server.received:
        notice = Notification.objects.get(recipient__email=message["To"], referral=draft)
        assert f"https://overdracht.example/meldingen/{notice.pk}/" in message.get_payload()


@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_at_once_send_each_email_once(threads_share_the_database, mail_server, world):
    kees = world.people.kees
    for number in range(30):
        Email.objects.create(recipient=kees, kind=Email.Kind.NOTICE, subject=f"Bericht {number}", body="…")
    barrier = threading.Barrier(3)
    sent = [0, 0, 0]

    def send(i):
        try:
            barrier.wait(timeout=10)
            sent[i] = emails_send_due()
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sum(sent) == 30
    assert sorted(m["Subject"] for m in mail_server.received) == sorted(f"Bericht {n}" for n in range(30))
    assert Email.objects.filter(sent_at__isnull=True).count() == 0


def test_a_permanent_refusal_is_given_up_and_not_retried(mail_server, world, draft, django_capture_on_commit_callbacks):
    _immediately(world.people.kees)
    mail_server.refusing = "550 5.1.1 Onbekende ontvanger"
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_send(referral=draft, actor=world.people.fatima)
    run_queued_tasks()
    email = Email.objects.get(recipient=world.people.kees)
    assert email.given_up_at is not None and email.last_error == "SMTP 550" and email.attempts == 1
    mail_server.refusing = None
    assert emails_send_due(now=timezone.now() + timedelta(days=1)) == 0
    assert mail_server.received == []


def test_a_rolled_back_notice_leaves_no_email(mail_server, world, draft, django_capture_on_commit_callbacks):
    _immediately(world.people.kees)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with audited():
            notify([world.people.kees], Notification.Kind.OTHER, "Verwijzing V-1", referral=draft)
            assert Email.objects.count() == 1
            raise RuntimeError("the service fails after telling")
    assert Email.objects.count() == 0 and DBTaskResult.objects.count() == 0
    run_queued_tasks()
    assert mail_server.received == []


def test_without_an_address_nothing_is_queued_and_a_lost_address_is_given_up(mail_server, world, draft):
    kees, joost = world.people.kees, world.people.kees2
    _immediately(kees, joost)
    kees.email = ""
    kees.save()
    with audited():
        notify([kees, joost], Notification.Kind.OTHER, "Verwijzing V-1", referral=draft)
    email = Email.objects.get()  # Joost's only
    joost.email = ""  # and then his address goes too, before the worker sends it
    joost.save()
    assert emails_send_due() == 0
    email.refresh_from_db()
    assert email.given_up_at is not None and email.last_error == "no address"
    assert mail_server.received == []
