# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The lists take Dutch query parameters, like their paths: ?zoek=, ?categorie=, ?bak=, ?organisatie=."""

from django.urls import reverse

from policies.roles import Role
from referrals import services
from tests.factories import member


def _listed(response) -> list[str]:
    return [str(item) for item in response.context["page"].object_list]


def test_the_directory_searches_by_zoek_and_categorie(world, login):
    client = login(world.people.fatima)
    response = client.get(reverse("directory"), {"zoek": "taalmaatje"})
    assert _listed(response) == [str(world.services.taalmaatje)]
    response = client.get(reverse("directory"), {"categorie": world.categories.schulden.pk})
    assert str(world.services.taalmaatje) not in _listed(response)
    assert 'name="zoek"' in response.content.decode() and 'name="inloop"' in response.content.decode()


def test_the_inbox_tabs_are_chosen_with_bak(world, sent, login):
    services.referral_accept(referral=sent, actor=world.people.kees)
    client = login(world.people.kees)
    assert _listed(client.get(reverse("inbox"), {"bak": "nieuw"})) == []
    assert _listed(client.get(reverse("inbox"), {"bak": "alle"})) == [str(sent)]
    assert _listed(client.get(reverse("inbox"), {"bak": "van-mij"})) == [str(sent)]
    html = client.get(reverse("inbox")).content.decode()
    assert 'href="?bak=te-laat"' in html


def test_someone_in_two_partners_picks_the_inbox_with_organisatie(world, sent, login):
    kees = member(world.people.kees, world.orgs.taalhuis, Role.INTAKE)
    client = login(kees)
    assert client.get(reverse("inbox")).context["organisation"] == world.orgs.kredietbank
    response = client.get(reverse("inbox"), {"organisatie": world.orgs.taalhuis.pk})
    assert response.context["organisation"] == world.orgs.taalhuis
    assert f'href="?bak=alle&amp;organisatie={world.orgs.taalhuis.pk}"' in response.content.decode()
