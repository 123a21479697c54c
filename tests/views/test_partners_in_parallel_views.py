# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Issue 13 through the pages: refer in addition with the minimum shared, the forwarder's own
history, contact attempts and 'niet bereikt'."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors.actor import forget_actor
from audit.models import AuditEntry
from referrals import services
from referrals.models import Referral, State


@pytest.fixture
def in_progress(world, accepted):
    services.referral_record_first_contact(
        referral=accepted, actor=world.people.kees, on=timezone.localdate(), way="phone", note="Belt dinsdag terug."
    )
    accepted.refresh_from_db()
    return accepted


def _checked(html: str, name: str) -> set[str]:
    """The values of the ticked checkboxes called `name`."""
    checked = set()
    for tag in re.findall(r"<input[^>]*>", html):
        if f'name="{name}"' in tag and "checked" in tag:
            checked.add(re.search(r'value="([^"]*)"', tag).group(1))
    return checked


def _accesses():
    return AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS).count()


def test_the_forward_page_first_asks_for_the_service_and_shows_no_content(world, in_progress, login):
    client = login(world.people.kees)
    before = _accesses()
    html = client.get(reverse("referral_refer_in_addition", args=[in_progress.pk])).content.decode()
    assert "Kies deze dienst" in html and 'name="summary"' not in html
    assert "Aanmaningen" not in html
    assert _accesses() == before  # nothing personal shown, nothing to log


def test_the_minimum_is_preselected_for_the_chosen_service(world, in_progress, login):
    in_progress.shared_data = ["contact", "summary", "needs", "finances", "health"]
    in_progress.save(update_fields=["shared_data"])
    url = reverse("referral_refer_in_addition", args=[in_progress.pk]) + f"?dienst={world.services.taalmaatje.pk}"
    html = login(world.people.kees).get(url).content.decode()
    assert _checked(html, "categories") == {str(world.categories.taal.pk)}  # what the Taalhuis handles
    assert _checked(html, "shared_data") == {"contact", "summary", "needs"}  # no finances, no health
    assert re.search(r'<textarea name="summary"[^>]*>\s*</textarea>', html)  # written anew
    assert "Neem de samenvatting van deze verwijzing over" in html


def test_copying_the_summary_on_request_is_logged_as_an_access(world, in_progress, login):
    url = reverse("referral_refer_in_addition", args=[in_progress.pk])
    before = _accesses()
    html = login(world.people.kees).get(url + f"?dienst={world.services.taalmaatje.pk}&samenvatting=over")
    assert "Aanmaningen van de energieleverancier" in html.content.decode()
    assert _accesses() == before + 1


def test_refer_in_addition_twice_submitted_sends_one_sibling_and_keeps_the_first_in_progress(world, in_progress, login):
    client = login(world.people.kees)
    data = {
        "form_token": "e-1",
        "service": world.services.taalmaatje.pk,
        "summary": "Wil Nederlands leren.",
        "categories": [world.categories.taal.pk],
        "urgency": "normal",
        "shared_data": ["contact"],
        "legal_basis": "consent",
    }
    url = reverse("referral_refer_in_addition", args=[in_progress.pk])
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    siblings = Referral.objects.filter(parent=in_progress)
    assert siblings.count() == 1 and siblings.get().in_addition
    in_progress.refresh_from_db()
    assert in_progress.state == State.IN_PROGRESS
    page = client.get(reverse("referral_detail", args=[in_progress.pk])).content.decode()
    assert "Erbij" in page and "Taalmaatje" in page


def test_a_refused_refer_in_addition_keeps_what_was_typed(world, in_progress, login):
    data = {
        "form_token": "e-2",
        "service": world.services.woej.pk,  # no consent for Woej
        "summary": "Zoekt aanspraak in de buurt.",
        "categories": [world.categories.schulden.pk],
        "urgency": "normal",
        "legal_basis": "consent",
    }
    response = login(world.people.kees).post(reverse("referral_refer_in_addition", args=[in_progress.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200 and "Woej" in html and "Zoekt aanspraak in de buurt." in html
    assert not Referral.objects.filter(parent=in_progress).exists()


def test_after_the_hand_over_the_forwarder_sees_its_own_part_but_not_the_resident(world, in_progress, login):
    child = services.referral_forward(
        referral=in_progress,
        actor=world.people.kees,
        service=world.services.taalmaatje,
        summary="Taal.",
        categories=[world.categories.taal],
    )
    services.referral_accept(referral=child, actor=world.people.anouk)
    client = login(world.people.kees)
    html = client.get(reverse("referral_detail", args=[in_progress.pk])).content.decode()
    assert "Warm overgedragen" in html and "U ziet nog uw eigen deel" in html
    assert "Belt dinsdag terug." in html  # its own first contact
    resident = in_progress.case.resident
    for personal in (resident.family_name, resident.phone, "Aanmaningen"):
        assert personal not in html
    assert "Uitkomst van uw deel vastleggen" in html
    response = client.post(
        reverse("referral_record_outcome", args=[in_progress.pk]),
        {"form_token": "o-1", "outcome": "partly_helped", "note": "Budgetplan."},
    )
    assert response.status_code == 302
    in_progress.refresh_from_db()
    assert in_progress.outcome == "partly_helped" and in_progress.state == State.HANDED_OVER
    # The next partner's referral stays out of reach for the forwarder.
    assert client.get(reverse("referral_detail", args=[child.pk])).status_code == 404


def test_niet_bereikt_is_refused_with_the_reason_until_the_attempts_are_made(world, accepted, login):
    client = login(world.people.kees)
    refused = client.get(reverse("referral_close_unreachable", args=[accepted.pk]))
    assert refused.status_code == 403 and "na 3 contactpogingen" in refused.content.decode()
    url = reverse("referral_record_attempt", args=[accepted.pk])
    for n in range(3):
        response = client.post(
            url,
            {"form_token": f"a-{n}", "on": timezone.localdate().isoformat(), "way": "phone", "note": "Geen gehoor."},
        )
        assert response.status_code == 302
    client.post(url, {"form_token": "a-2", "on": timezone.localdate().isoformat(), "way": "phone"})  # a double submit
    assert accepted.contact_attempts.count() == 3
    detail = client.get(reverse("referral_detail", args=[accepted.pk])).content.decode()
    assert "Afsluiten: niet bereikt" in detail and "Geen gehoor." in detail
    response = client.post(reverse("referral_close_unreachable", args=[accepted.pk]), {"form_token": "n-1"})
    assert response.status_code == 302
    accepted.refresh_from_db()
    assert (accepted.state, accepted.outcome) == (State.CLOSED, "not_reachable")


def test_an_attempt_in_the_future_is_refused_next_to_the_field_and_keeps_the_note(world, accepted, login):
    tomorrow = (timezone.localdate() + timezone.timedelta(days=1)).isoformat()
    response = login(world.people.kees).post(
        reverse("referral_record_attempt", args=[accepted.pk]),
        {"form_token": "a-9", "on": tomorrow, "way": "phone", "note": "Brief in de bus."},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "toekomst" in html and "Brief in de bus." in html
    assert accepted.contact_attempts.count() == 0


NEW_PAGES = [
    "referral_refer_in_addition",
    "referral_record_attempt",
    "referral_close_unreachable",
    "referral_record_outcome",
]


@pytest.mark.parametrize("page", NEW_PAGES)
@pytest.mark.parametrize("persona", ["bas", "anouk", "priya", "petra", "sami", "bea"])
def test_an_uninvolved_partner_or_role_gets_404_on_the_new_pages(world, in_progress, login, page, persona):
    assert login(getattr(world.people, persona)).get(reverse(page, args=[in_progress.pk])).status_code == 404


@pytest.mark.parametrize("page", NEW_PAGES)
def test_the_handler_gets_404_on_the_new_pages_once_they_left(world, in_progress, login, page):
    kees = world.people.kees
    assert login(kees).get(reverse("referral_detail", args=[in_progress.pk])).status_code == 200
    Membership.objects.filter(user=kees).update(valid_until=timezone.localdate() - timezone.timedelta(days=1))
    forget_actor(kees)
    assert login(kees).get(reverse(page, args=[in_progress.pk])).status_code == 404
