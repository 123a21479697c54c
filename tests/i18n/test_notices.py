# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A notice is written in Dutch whatever language the actor uses, and each reader sees it in theirs."""

from django.conf import settings
from django.utils import translation

from referrals import services
from referrals.models import Notification


def test_a_notice_written_by_an_english_actor_is_stored_in_dutch_and_read_in_each_language(world, draft):
    with translation.override("en"):  # Fatima works in English today
        referral = services.referral_send(referral=draft, actor=world.people.fatima)
    with translation.override("en"):  # and so does Kees
        declined = services.referral_decline(
            referral=referral, actor=world.people.kees, reason="no_capacity", note="Wachtlijst tot maart."
        )
    new = Notification.objects.get(recipient=world.people.kees, referral=referral, kind="new_referral")
    assert new.message == f"Nieuwe verwijzing {referral} voor {referral.service.name}."
    told = Notification.objects.get(recipient=world.people.fatima, referral=declined, kind="declined")
    assert told.message == f"Kredietbank heeft verwijzing {referral} afgewezen: Geen capaciteit."
    with translation.override("nl"):
        assert told.text == f"Kredietbank heeft verwijzing {referral} afgewezen: Geen capaciteit."
    with translation.override("en"):
        # The reason is one of our labels, so it is translated too; names and references are not.
        assert told.text == f"Kredietbank has declined referral {referral}: No capacity."


def test_notices_from_before_stay_as_written(world, case):
    old = Notification.objects.create(recipient=world.people.fatima, message="Een oud bericht.")
    with translation.override("en"):
        assert old.text == "Een oud bericht."


def test_the_notices_page_in_english_shows_the_english_notice(world, draft, client):
    referral = services.referral_send(referral=draft, actor=world.people.fatima)
    client.force_login(world.people.kees)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/meldingen/").content.decode()
    assert f"New referral {referral} for {referral.service.name}." in page
