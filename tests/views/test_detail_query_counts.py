# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A referral's page reads its forwards once (the load test's journeys open it after every step)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from referrals import services


def statements(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_a_pending_forward_costs_the_referral_page_no_statement_of_its_own(world, draft, login):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="walk_in")
    kees, url = login(p.kees), reverse("referral_detail", args=[draft.pk])
    statements(kees, url)  # the first request of a session reads what later ones have at hand
    alone, _page = statements(kees, url)
    services.referral_forward(
        referral=draft,
        actor=p.kees,
        service=world.services.taalmaatje,
        summary="Wil Nederlands leren om brieven te kunnen lezen.",
        categories=[world.categories.taal],
    )
    forwarded, page = statements(kees, url)
    assert "Doorverwezen naar Taalhuis" in page
    # The pending forward comes from the list of forwards the page reads anyway, with its receiver.
    assert forwarded == alone
