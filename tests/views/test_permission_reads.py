# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A page asks the policy many questions but reads the permission tables once per referral."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from referrals import services


def _grant_reads(queries) -> list[str]:
    return [q["sql"] for q in queries if "objectpermission" in q["sql"].lower()]


def test_the_referral_page_reads_the_grants_once(world, draft, login):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    kees = login(p.kees)
    with CaptureQueriesContext(connection) as ctx:
        response = kees.get(reverse("referral_detail", args=[draft.pk]))
    assert response.status_code == 200
    reads = _grant_reads(ctx.captured_queries)
    # One query for the list filter that finds the referral (its EXISTS clauses), one for the
    # grants the policy's field and action answers need — not one per field or per button.
    assert len(reads) == 2, reads
