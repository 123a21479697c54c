# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""An API client sees and may do exactly what its account's member sees and may do on the pages.

For every persona as a client's service account and a referral in every state (the policy
matrix's referrals), the API answers 404 where the referral page does, shows the same fields (the
policy's need-to-know fields per role and state) and offers the same actions as the page's buttons.
"""

from django.test import Client
from django.urls import reverse

from accounts.selectors.actor import actor_for
from policies.referrals import ACTIONS, referral_policy
from tests.policies.test_policy_matrix import _in_every_state

PERSONAS = ["fatima", "ruud", "kees", "marieke", "anouk", "bas", "priya", "bea", "sami", "petra"]
ORGANISATION_OF = {
    "fatima": "waterlelie",
    "ruud": "gemeente",
    "kees": "kredietbank",
    "marieke": "kredietbank",
    "anouk": "taalhuis",
    "bas": "woej",
    "priya": "gemeente",
    "bea": "gemeente",
    "sami": "kredietbank",
    "petra": "gemeente",
}

# The policy's fields, by the API key that shows each (ReferralSerializer).
RESIDENT_KEYS = {"resident_name": "given_name", "contact": "phone", "preferred_language": "preferred_language"}
TOP_KEYS = ["summary", "legal_basis_justification", "decline_note", "first_contact", "outcome_note", "assignee"]


def _shown(body: dict) -> set[str]:
    shown = {field for field, key in RESIDENT_KEYS.items() if key in body["resident"]}
    return shown | {key for key in TOP_KEYS if key in body}


def test_the_api_answers_as_the_referral_page_for_every_role_and_state(world, case, api_client):
    referrals = _in_every_state(world, case)  # once: it is most of the time
    for persona in PERSONAS:
        _compare(world, referrals, persona, api_client)


def _compare(world, referrals, persona, api_client):
    user = getattr(world.people, persona)
    client = api_client(user, getattr(world.orgs, ORGANISATION_OF[persona]))
    page = Client()
    page.force_login(user)
    actor = actor_for(user)
    for label, referral in referrals.items():
        api = client.get(f"/api/v1/referrals/{referral.pk}/")
        html = page.get(reverse("referral_detail", args=[referral.pk]))
        assert api.status_code == html.status_code, (persona, label, api.status_code, html.status_code)
        if api.status_code == 404:
            assert not referral_policy.sees(actor, referral), (persona, label)
            continue
        assert api.status_code == 200, (persona, label)
        body = api.json()
        fields = referral_policy.visible_fields(actor, referral)
        content = {"resident_name", "contact", "preferred_language", *TOP_KEYS}
        assert _shown(body) == fields & content, (persona, label)
        assert set(body["allowed_actions"]) == html.context["allowed"], (persona, label)
        assert set(body["allowed_actions"]) == {a for a in ACTIONS if referral_policy.can(actor, a, referral)}


def test_the_api_answers_as_the_case_page_for_every_persona(world, case, api_client):
    """A case: the same 200 or 404 as the case page, for every persona as a client's account."""
    for persona in PERSONAS:
        user = getattr(world.people, persona)
        client = api_client(user, getattr(world.orgs, ORGANISATION_OF[persona]))
        page = Client()
        page.force_login(user)
        api = client.get(f"/api/v1/cases/{case.pk}/")
        html = page.get(reverse("case_detail", args=[case.pk]))
        assert api.status_code == html.status_code, (persona, api.status_code, html.status_code)
        assert api.status_code in (200, 404), persona
        if api.status_code == 404:
            assert "Jansen" not in api.content.decode()


def test_a_client_of_another_organisation_can_neither_read_nor_act_on_a_case_or_signal(world, case, api_client):
    """Organisation A's client gets 404 for B's case and B's signal, for reading and for every action."""
    from tests.factories import OrganisationFactory, UserFactory, member
    from tests.signals.helpers import desk_people, hand_in, second_desk

    ruud = api_client(world.people.ruud, world.orgs.gemeente)  # a referrer, but not on this case
    assert ruud.get(f"/api/v1/cases/{case.pk}/").status_code == 404
    assert ruud.post(f"/api/v1/cases/{case.pk}/consents/", {}).status_code == 404
    assert ruud.post(f"/api/v1/cases/{case.pk}/referrals/", {}).status_code == 404

    desk_people(world)
    signal = hand_in(world)  # by the Kredietbank's signaller
    corporation = OrganisationFactory(slug="woonbron", name="Woonbron")
    other = api_client(member(UserFactory(username="woonbron-systeem"), corporation, "signaller"), corporation)
    assert other.get(f"/api/v1/signals/{signal.pk}/").status_code == 404
    assert other.post(f"/api/v1/signals/{signal.pk}/additions/", {"text": "x"}).status_code == 404
    fatima = api_client(world.people.fatima, world.orgs.waterlelie)  # the desk that picks it up
    assert fatima.post(f"/api/v1/signal-desk/{signal.pk}/pick-up/").status_code == 200
    dirk, servicepunt = second_desk()
    other_desk = api_client(dirk, servicepunt)
    assert other_desk.get(f"/api/v1/signal-desk/{signal.pk}/").status_code == 404
    assert other_desk.post(f"/api/v1/signal-desk/{signal.pk}/pick-up/").status_code == 404
    assert other_desk.post(f"/api/v1/signal-desk/{signal.pk}/close/", {"reason": "no_contact"}).status_code == 404
    signal.refresh_from_db()
    assert signal.status == "picked_up" and signal.picked_up_by_organisation == world.orgs.waterlelie
