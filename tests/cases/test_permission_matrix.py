# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The regisseur's tools × every role: only the one named may act; everyone else is refused with a
reason, and a refusal changes nothing. The pages answer 404 to who does not work on the case."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from referrals import services
from referrals.models import Case, CaseEvent, RegieOffer
from referrals.services import ActionRefused
from tests.cases.conftest import leave

# fatima: the regisseur; wim: a referrer of the organisation that opened the case (opener);
# ruud: a referrer (regisseur role) elsewhere, to whom the regie is offered; kees: the receiving
# partner (helped and closed his referral); bas: an uninvolved partner; lotte: a leaver of the
# opening organisation; then the privacy officer, programme, signaller and an anonymous visitor.
PERSONAS = ["fatima", "wim", "ruud", "kees", "bas", "priya", "petra", "sami", "lotte", "anonymous"]

MATRIX = {  # action: personas allowed
    "offer": {"fatima"},
    "cancel": {"fatima"},
    "accept": {"ruud"},
    "decline": {"ruud"},
    "close": {"fatima"},
    "reopen": {"fatima"},
    "household_add": {"fatima"},
    "household_remove": {"fatima"},
}


@pytest.fixture
def who(world, opener, leaver):
    people = {name: getattr(world.people, name, None) for name in PERSONAS}
    people.update(wim=opener, lotte=leaver, anonymous=AnonymousUser())
    return people


def prepare(action, case, world):
    """The case in the state the action starts from; returns what the action works on."""
    p, o = world.people, world.orgs
    if action in {"cancel", "accept", "decline"}:
        return services.regie_offer(case=case, actor=p.fatima, to_user=p.ruud, organisation=o.gemeente)
    if action == "reopen":
        services.case_close(case=case, actor=p.fatima, reason="resolved")
    if action == "household_remove":
        return services.household_add(case=case, actor=p.fatima, given_name="Noor", family_name="Jansen")
    return None


def run(action, case, thing, actor, world):
    p, o = world.people, world.orgs
    calls = {
        "offer": lambda: services.regie_offer(case=case, actor=actor, to_user=p.ruud, organisation=o.gemeente),
        "cancel": lambda: services.regie_offer_cancel(offer=thing, actor=actor),
        "accept": lambda: services.regie_offer_accept(offer=thing, actor=actor),
        "decline": lambda: services.regie_offer_decline(offer=thing, actor=actor),
        "close": lambda: services.case_close(case=case, actor=actor, reason="resolved"),
        "reopen": lambda: services.case_reopen(case=case, actor=actor),
        "household_add": lambda: services.household_add(case=case, actor=actor, given_name="Ali", family_name="Jansen"),
        "household_remove": lambda: services.household_remove(case=case, actor=actor, member=thing),
    }
    return calls[action]()


def snapshot(case):
    case = Case.objects.get(pk=case.pk)
    offers = sorted(RegieOffer.objects.filter(case=case).values_list("pk", "status"))
    members = sorted(case.household.values_list("pk", flat=True))
    return (case.status, case.regisseur_id, case.regisseur_organisation_id, offers, members, CaseEvent.objects.count())


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", list(MATRIX))
def test_regisseur_tools_permission_matrix(action, persona, world, worked, who):
    thing = prepare(action, worked, world)
    before = snapshot(worked)
    if persona in MATRIX[action]:
        run(action, worked, thing, who[persona], world)
        assert snapshot(worked) != before
    else:
        with pytest.raises(ActionRefused) as refused:
            run(action, worked, thing, who[persona], world)
        assert refused.value.message
        assert snapshot(worked) == before


def test_a_regisseur_who_left_can_use_none_of_the_tools(world, worked):
    offer = services.regie_offer(
        case=worked, actor=world.people.fatima, to_user=world.people.ruud, organisation=world.orgs.gemeente
    )
    leave(world.people.fatima)
    for action in ("cancel", "close", "household_add", "offer"):
        with pytest.raises(ActionRefused):
            run(action, worked, offer, world.people.fatima, world)


# The pages: (url name, needs) → who gets 200; who works on the case but may not act gets 403;
# everyone else 404 (they do not learn the case exists).
PAGES = {
    "regie_offer": {"fatima": 200, "wim": 403},
    "case_close": {"fatima": 200, "wim": 403},
    "household_add": {"fatima": 200, "wim": 403},
    "regie_offer_answer": {"ruud": 200},
}


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
@pytest.mark.parametrize("page", list(PAGES))
def test_the_new_pages_answer_404_to_whoever_does_not_work_on_the_case(client, world, worked, who, page, persona):
    if page == "regie_offer_answer":
        prepare("accept", worked, world)
    client.force_login(who[persona])
    status = client.get(reverse(page, args=[worked.pk])).status_code
    assert status == PAGES[page].get(persona, 404)


def test_the_closed_list_shows_only_ones_own_closed_cases(client, world, worked, who):
    services.case_close(case=worked, actor=world.people.fatima, reason="resolved")
    for persona, sees in {"fatima": True, "wim": True, "ruud": False, "kees": False, "lotte": False}.items():
        client.force_login(who[persona])
        response = client.get(reverse("cases_closed"))
        assert response.status_code == 200
        assert (worked.reference in response.content.decode()) is sees, persona


def test_an_offered_person_who_left_no_longer_sees_the_offer(client, world, worked):
    prepare("accept", worked, world)
    leave(world.people.ruud)
    client.force_login(world.people.ruud)
    assert client.get(reverse("regie_offer_answer", args=[worked.pk])).status_code == 404
    assert worked.reference not in client.get(reverse("cases")).content.decode()
