# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""From an e-mail's link to the referral page, in a real browser; the notice is then read."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import NoticeSettings
from referrals import services
from referrals.models import Notification
from tests.browser.conftest import browser_db, log_in, screenshot, serious_violations
from tests.worker import run_queued_tasks

pytestmark = [pytest.mark.browser, browser_db]


def test_kees_follows_the_link_in_his_email_to_the_new_referral(world, case, new_page, live_server, settings):
    settings.NOTIFY_BY_EMAIL = True
    settings.SITE_URL = live_server.url
    draft = services.referral_create(
        case=case,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp,
        summary="Aanmaning zorgverzekering.",
        categories=[world.categories.schulden],
    )
    NoticeSettings.objects.create(user=world.people.kees, email=NoticeSettings.Email.IMMEDIATELY)
    services.referral_send(referral=draft, actor=world.people.fatima)
    run_queued_tasks()  # the job worker sends the outbox
    email = next(m for m in mail.outbox if m.to == [world.people.kees.email])
    link = re.search(r"https?://\S+/meldingen/\d+/", email.body).group(0)

    kees = new_page()
    log_in(kees, "kees")
    expect(kees.get_by_role("heading", name="Nieuwe berichten")).to_be_visible()
    kees.goto(link)
    expect(kees).to_have_url(re.compile(rf"/verwijzingen/{draft.pk}/$"))
    expect(kees.get_by_role("button", name="Aannemen")).to_be_visible()
    assert Notification.objects.get(recipient=world.people.kees, referral=draft).read_at is not None

    kees.goto(kees.url_for("/inbox/"))
    expect(kees.get_by_role("heading", name="Nieuwe berichten")).to_have_count(0)  # nothing unread
    expect(kees.locator(".utrecht-number-badge", has_text=re.compile(r"^0$"))).to_have_count(0)
    kees.get_by_role("link", name="Berichten").click()
    expect(kees.get_by_text(f"Nieuwe verwijzing {draft}")).to_be_visible()
    assert serious_violations(kees) == []
    screenshot(kees, "43-berichten")
