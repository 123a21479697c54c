# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""'Mijn opvolging' (issue 14, point 2): follow-ups after a decline, 'niet bereikt' and a withdrawn
consent, on one page across all cases, each done with a note."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from referrals import services
from referrals.models import FollowUp


def test_a_decline_gives_the_regisseur_a_follow_up(world, sent):
    services.referral_decline(referral=sent, actor=world.people.kees, reason="no_capacity", note="Vol.")
    follow_up = FollowUp.objects.get(referral=sent, kind=FollowUp.Kind.DECLINED)
    assert follow_up.owner == sent.case.regisseur and follow_up.due_on > timezone.localdate()


def test_a_withdrawn_consent_gives_the_regisseur_a_follow_up(world, sent):
    services.consent_withdraw(
        consent=sent.consent, actor=world.people.fatima, organisation=world.orgs.waterlelie, reason="Wil niet meer."
    )
    assert FollowUp.objects.filter(case=sent.case, kind=FollowUp.Kind.WITHDRAWN, owner=sent.case.regisseur).exists()


@pytest.fixture
def four_due(world, case):
    today = timezone.localdate()
    return {
        when: FollowUp.objects.create(case=case, owner=world.people.fatima, due_on=today + timedelta(days=days))
        for when, days in (("overdue", -2), ("today", 0), ("week", 5), ("later", 30))
    }


def test_the_page_groups_the_checks_by_when_they_are_due_without_names(world, case, four_due, login):
    html = login(world.people.fatima).get(reverse("my_follow_ups")).content.decode()
    positions = [html.index(heading) for heading in ("Te laat (1)", "Vandaag (1)", "Komende week (1)", "Later (1)")]
    assert positions == sorted(positions)
    assert case.reference in html and case.resident.family_name not in html


def test_two_lines_done_one_after_the_other_are_both_done_and_a_double_click_once(world, four_due, login):
    client = login(world.people.fatima)
    html = client.get(reverse("my_follow_ups")).content.decode()
    tokens = dict(
        zip(
            [int(pk) for pk in re.findall(r"/opvolging/(\d+)/gedaan/", html)],
            re.findall(r'name="form_token" value="([0-9a-f]+)"', html),
            strict=True,
        )
    )
    overdue, today = four_due["overdue"], four_due["today"]
    url = reverse("follow_up_mark_done", args=[overdue.pk])
    client.post(url, {"form_token": tokens[overdue.pk], "note": "Gaat goed, regeling loopt."})
    client.post(url, {"form_token": tokens[overdue.pk], "note": "nogmaals"})  # a double click
    client.post(reverse("follow_up_mark_done", args=[today.pk]), {"form_token": tokens[today.pk], "note": ""})
    overdue.refresh_from_db()
    today.refresh_from_db()
    assert overdue.done_on == timezone.localdate() and overdue.note == "Gaat goed, regeling loopt."
    assert "Gaat goed" not in overdue.note_ciphertext
    assert today.done_on is not None
    assert "Te laat" not in client.get(reverse("my_follow_ups")).content.decode()


@pytest.mark.parametrize("persona", ["kees", "anouk", "priya", "ruud"])
def test_someone_elses_follow_up_is_a_404(world, four_due, login, persona):
    follow_up = four_due["today"]
    response = login(getattr(world.people, persona)).post(
        reverse("follow_up_mark_done", args=[follow_up.pk]), {"form_token": "a" * 32}
    )
    assert response.status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.done_on is None


def test_the_referrer_does_their_own_niet_bereikt_follow_up(world, sent, login):
    """Not the regisseur (Ruud is), but told the resident was not reached: their own check."""
    sent.case.regisseur = world.people.ruud
    sent.case.regisseur_organisation = world.orgs.gemeente
    sent.case.save()
    sent.service.contact_attempts = 1
    sent.service.save()
    accepted = services.referral_accept(referral=sent, actor=world.people.kees)
    services.referral_record_attempt(referral=accepted, actor=world.people.kees, on=timezone.localdate(), way="phone")
    services.referral_close_unreachable(referral=accepted, actor=world.people.kees)
    mine = FollowUp.objects.get(referral=sent, owner=world.people.fatima, kind=FollowUp.Kind.UNREACHED)
    client = login(world.people.fatima)
    assert sent.case.reference in client.get(reverse("my_follow_ups")).content.decode()
    client.post(reverse("follow_up_mark_done", args=[mine.pk]), {"form_token": "b" * 32, "note": "Via school bereikt."})
    mine.refresh_from_db()
    assert mine.done_on is not None
