# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A race loser is refused in words, on SQLite as on PostgreSQL, never "database is locked"."""

import pytest
from django.test import Client
from django.urls import reverse

from referrals import services
from referrals.models import EventName, ReferralEvent, State
from tests.hardening.races import post_at_once


@pytest.mark.django_db(transaction=True)
def test_two_people_accepting_at_once_the_loser_is_refused_not_a_server_error(threads_share_the_database, world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    url = reverse("referral_accept", args=[draft.pk])
    clients = []
    for user in (p.kees, p.kees2):
        client = Client()
        client.force_login(user)
        clients.append(client)

    answers = post_at_once([(client, url, {"form_token": "accept"}) for client in clients])

    assert not [a for a in answers if isinstance(a, Exception)], answers  # "database is locked" was a 500
    winners = [a for a in answers if a.status_code == 302]
    losers = [a for a in answers if a.status_code != 302]
    assert len(winners) == 1 and len(losers) == 1, [a.status_code for a in answers]
    # Refused before the service (403 with the reason) or by it (the form again, with the reason).
    assert losers[0].status_code in (200, 403)
    assert "Dit kan niet meer: de verwijzing is nu ‘Aangenomen’." in losers[0].content.decode()
    draft.refresh_from_db()
    assert draft.state == State.ACCEPTED
    assert ReferralEvent.objects.filter(referral=draft, name=EventName.ACCEPT).count() == 1
