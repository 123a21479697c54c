# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The signal pages: hand in, add, the desk's inbox, pick up, open a case, close, add a signaller; the menu; login."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from policies.roles import Role
from policies.signals import SignalStatus
from signals.models import Signal
from tests.factories import UserFactory, WijkFactory, member
from tests.signals.helpers import CONCERN, desk_people, hand_in, leaver_signaller, make_desk

PASSWORD = "correct horse battery staple"


def _form(**overrides):
    data = {
        "form_token": "",
        "categories": [],
        "wijk": WijkFactory().pk,
        "concern": CONCERN,
        "preferred_language": "nl",
    }
    return data | overrides


def test_the_signaller_hands_in_a_signal_and_sees_it_received(client, world):
    client.force_login(world.people.sami)
    page = client.get(reverse("signals:new"))
    assert page.status_code == 200 and "Noem geen namen" in page.content.decode()
    response = client.post(reverse("signals:new"), _form(categories=[world.categories.schulden.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("signals:mine")
    signal = Signal.objects.get()
    assert signal.signalled_by == world.people.sami and not signal.resident_agreed_to_contact
    html = client.get(reverse("signals:mine")).content.decode()
    assert signal.reference in html and "Ontvangen" in html and CONCERN not in html


def test_agreed_without_contact_data_is_refused_and_keeps_what_was_typed(client, world):
    client.force_login(world.people.sami)
    response = client.post(
        reverse("signals:new"),
        _form(categories=[world.categories.schulden.pk], resident_agreed_to_contact="on", contact_name="mevrouw B."),
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="id_phone_error"' in html and "mevrouw B." in html
    assert not Signal.objects.exists()


def test_the_signaller_adds_information_on_the_page(client, world):
    signal = hand_in(world)
    client.force_login(world.people.sami)
    response = client.post(reverse("signals:add", args=[signal.pk]), {"text": "Er zijn ook kinderen."})
    assert response.status_code == 302
    assert signal.additions.get().text == "Er zijn ook kinderen."


def test_the_desk_picks_up_opens_a_case_and_the_signaller_sees_only_opgepakt(client, world):
    make_desk(world.orgs.waterlelie)
    signal = hand_in(world)
    client.force_login(world.people.fatima)
    inbox = client.get(reverse("signals:desk")).content.decode()
    assert signal.reference in inbox
    detail = client.get(reverse("signals:desk_detail", args=[signal.pk])).content.decode()
    assert CONCERN in detail and "0612121212" in detail and "Oppakken" in detail
    assert client.post(reverse("signals:pick_up", args=[signal.pk])).status_code == 302
    form = client.get(reverse("signals:open_case", args=[signal.pk])).content.decode()
    assert 'value="mevrouw B."' in form and 'value="0612121212"' in form  # filled in from the signal
    response = client.post(
        reverse("signals:open_case", args=[signal.pk]),
        {
            "form_token": "",
            "given_name": "Bea",
            "family_name": "Bakker",
            "birth_year": 1970,
            "phone": "0612121212",
            "preferred_language": "nl",
            "categories": [world.categories.schulden.pk],
            # The programme's tags reach the case from the signal desk's form as from the case form.
            "target_groups": ["parents"],
            "kompas_goals": ["2.2.D"],
        },
    )
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CASE_OPENED
    assert signal.case.target_groups == ["parents"] and signal.case.kompas_goals == ["2.2.D"]
    assert response.status_code == 302 and response["Location"] == reverse("consent_record", args=[signal.case_id])
    sami = Client()  # a browser of her own (Fatima's messages stay in Fatima's)
    sami.force_login(world.people.sami)
    html = sami.get(reverse("signals:mine")).content.decode()
    assert "Opgepakt" in html and signal.case.reference not in html and "Bakker" not in html


def test_the_desk_closes_a_signal_with_a_reason(client, world):
    make_desk(world.orgs.waterlelie)
    signal = hand_in(world)
    client.force_login(world.people.fatima)
    client.post(reverse("signals:pick_up", args=[signal.pk]))
    refused = client.post(reverse("signals:close", args=[signal.pk]), {"form_token": ""})
    assert refused.status_code == 200 and 'id="id_reason_error"' in refused.content.decode()
    assert client.post(reverse("signals:close", args=[signal.pk]), {"reason": "declined"}).status_code == 302
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CLOSED
    client.force_login(world.people.sami)
    assert "Afgesloten" in client.get(reverse("signals:mine")).content.decode()


def test_the_menu_shows_the_signallers_door_and_the_desk_to_who_may_use_them(client, world):
    ilse, cor = desk_people(world)
    expectations = {
        world.people.sami: ({"Mijn signalen", "Signaal doorgeven"}, {"Signaalbalie"}),
        ilse: ({"Signaalbalie"}, {"Mijn signalen"}),
        world.people.kees: (set(), {"Signaalbalie", "Mijn signalen"}),
        world.people.petra: (set(), {"Signaalbalie", "Mijn signalen"}),
    }
    for user, (shown, hidden) in expectations.items():
        client.force_login(user)
        html = client.get(reverse("directory")).content.decode()
        nav = html[html.index('class="utrecht-nav-bar') : html.index("</nav>")]
        assert all(label in nav for label in shown), user
        assert not any(label in nav for label in hidden), user


def test_a_desk_coordinator_adds_a_signaller_on_the_page_and_no_one_else_finds_it(client, world):
    ilse, cor = desk_people(world)
    for user in (ilse, world.people.marieke, world.people.sami, world.people.bea):
        client.force_login(user)
        assert client.get(reverse("signals:signaller_new")).status_code == 404
    client.force_login(cor)
    response = client.post(
        reverse("signals:signaller_new"),
        {"username": "yonas", "first_name": "Yonas", "password": "een lang wachtwoord voor Yonas"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__username="yonas")
    assert membership.role == Role.SIGNALLER and membership.organisation == world.orgs.waterlelie
    assert membership.valid_until is not None


def test_a_leaver_signaller_cannot_log_in(client, world):
    leaver = leaver_signaller(world)
    response = client.post(reverse("login"), {"username": leaver.username, "password": PASSWORD})
    assert response.status_code == 200 and "Uw toegang is verlopen" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Still logged in from before: the pages are gone (404).
    client.force_login(leaver)
    assert client.get(reverse("signals:mine")).status_code == 404
    assert client.get(reverse("signals:new")).status_code == 404


def test_a_current_signaller_logs_in_and_starts_at_their_signals(client, world):
    response = client.post(reverse("login"), {"username": "sami", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home"))["Location"] == reverse("signals:mine")


def test_a_person_whose_membership_still_waits_for_confirmation_still_logs_in(client, world):
    user = UserFactory(username="nieuw")
    Membership.objects.create(user=user, organisation=world.orgs.kredietbank, role=Role.INTAKE)
    assert client.post(reverse("login"), {"username": "nieuw", "password": PASSWORD}).status_code == 302


def test_a_signaller_whose_end_date_is_today_still_logs_in(client, world):
    user = member(UserFactory(username="laatstedag"), world.orgs.kredietbank, Role.SIGNALLER)
    Membership.objects.filter(user=user).update(valid_until=timezone.localdate())
    assert client.post(reverse("login"), {"username": "laatstedag", "password": PASSWORD}).status_code == 302
    Membership.objects.filter(user=user).update(valid_until=timezone.localdate() - timedelta(days=1))
    client.logout()
    assert client.post(reverse("login"), {"username": "laatstedag", "password": PASSWORD}).status_code == 200
