# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Notices that lead somewhere: a link to their referral or case, read when opened, no badge at 0,
an e-mail with the link and no personal data."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import NoticeSettings
from referrals import services
from referrals.models import Notification
from tests.worker import run_queued_tasks


def test_a_notice_opens_its_referral_and_is_then_read(world, sent, login):
    notice = Notification.objects.get(recipient=world.people.kees, referral=sent, kind="new_referral")
    client = login(world.people.kees)
    inbox = client.get(reverse("inbox")).content.decode()
    assert reverse("notification_open", args=[notice.pk]) in inbox
    response = client.get(reverse("notification_open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("referral_detail", args=[sent.pk])
    notice.refresh_from_db()
    assert notice.read_at is not None
    # Read notices leave the inbox's list of new messages, and stay on /meldingen/.
    assert reverse("notification_open", args=[notice.pk]) not in client.get(reverse("inbox")).content.decode()
    assert notice.message in client.get(reverse("notifications")).content.decode()


def test_someone_elses_notice_is_a_404_and_stays_unread(world, sent, login):
    notice = Notification.objects.get(recipient=world.people.kees, referral=sent, kind="new_referral")
    assert login(world.people.anouk).get(reverse("notification_open", args=[notice.pk])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_a_notice_about_a_referral_out_of_reach_says_so(world, sent, login):
    services.referral_withdraw(referral=sent, actor=world.people.fatima)
    notice = Notification.objects.get(recipient=world.people.kees, kind="withdrawn")
    client = login(world.people.kees)
    response = client.get(reverse("notification_open", args=[notice.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("notifications")
    assert "kunt dit niet meer openen" in response.content.decode()


def test_all_read_marks_only_ones_own_notices(world, sent, login):
    client = login(world.people.kees)
    response = client.post(reverse("notifications_all_read"), {"next": "//evil.example/"})
    assert response["Location"] == reverse("notifications")  # no open redirect
    assert not Notification.objects.filter(recipient=world.people.kees, read_at=None).exists()
    assert Notification.objects.filter(recipient=world.people.marieke, read_at=None).exists()
    assert client.get(reverse("notifications_all_read")).status_code == 405


def test_no_badge_shows_zero(world, sent, login):
    html = login(world.people.kees).get(reverse("inbox")).content.decode()
    badges = re.findall(r'<span class="utrecht-number-badge">([^<]*)</span>', html)
    assert badges and "0" not in badges  # "Nieuw" has 1, "Te laat" none: no badge at all
    sent_html = login(world.people.fatima).get(reverse("sent")).content.decode()
    assert "utrecht-number-badge" not in sent_html  # nothing overdue


def test_the_email_has_the_link_and_no_personal_data(world, draft, settings, django_capture_on_commit_callbacks):
    settings.NOTIFY_BY_EMAIL = True
    settings.SITE_URL = "https://overdracht.example"
    NoticeSettings.objects.create(user=world.people.kees, email=NoticeSettings.Email.IMMEDIATELY)
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_send(referral=draft, actor=world.people.fatima)
    run_queued_tasks()  # the job worker sends the outbox
    to_kees = [m for m in mail.outbox if m.to == [world.people.kees.email]]
    assert len(to_kees) == 1  # one e-mail per person, with that person's own link
    notice = Notification.objects.get(recipient=world.people.kees, referral=draft)
    assert f"https://overdracht.example/meldingen/{notice.pk}/" in to_kees[0].body
    resident = draft.case.resident
    for message in mail.outbox:
        for personal in (resident.family_name, resident.given_name, resident.phone, "Aanmaningen"):
            assert personal not in message.body and personal not in message.subject


@pytest.mark.parametrize("persona", ["kees", "fatima", "priya"])
def test_the_menu_links_to_the_notices(world, login, persona):
    html = login(getattr(world.people, persona)).get(reverse("notifications")).content.decode()
    nav = html[html.index("<nav") : html.index("</nav>")]
    assert 'href="/meldingen/"' in nav and "Berichten" in nav
