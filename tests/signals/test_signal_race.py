# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Two signal desks picking up the same signal at the same moment: one wins, the other is told, no server error."""

import pytest
from django.test import Client
from django.urls import reverse

import signals.views.desk as desk_views
from audit.models import AuditEntry
from policies.signals import SignalStatus
from signals.models import Signal
from signals.selectors.signals import signal_for_desk
from signals.services.signals import REASON_PICKED_UP, signal_pick_up
from tests.hardening.races import post_at_once
from tests.signals.helpers import hand_in, make_desk, second_desk


@pytest.mark.django_db(transaction=True)
def test_two_desks_picking_up_at_once_one_wins(threads_share_the_database, world):
    make_desk(world.orgs.waterlelie)
    dirk, servicepunt = second_desk()
    signal = hand_in(world)
    url = reverse("signals:pick_up", args=[signal.pk])
    clients = []
    for user in (world.people.fatima, dirk):
        client = Client()
        client.force_login(user)
        clients.append(client)

    answers = post_at_once([(client, url, {}) for client in clients])

    assert not [a for a in answers if isinstance(a, Exception)], answers
    assert all(a.status_code == 302 for a in answers)
    signal = Signal.objects.get(pk=signal.pk)
    assert signal.status == SignalStatus.PICKED_UP
    assert signal.picked_up_by_organisation_id in (world.orgs.waterlelie.pk, servicepunt.pk)
    picked = AuditEntry.objects.filter(reason=REASON_PICKED_UP, content_type__model="signal")
    assert picked.count() == 1
    # The loser goes back to the inbox and is told; the signal is the other desk's now (404).
    loser = next(
        (c, a)
        for c, a, u in zip(clients, answers, (world.people.fatima, dirk), strict=True)
        if u != signal.picked_up_by
    )
    assert loser[1]["Location"] == reverse("signals:desk")
    assert "al opgepakt" in loser[0].get(reverse("signals:desk")).content.decode()
    assert loser[0].get(reverse("signals:desk_detail", args=[signal.pk])).status_code == 404


@pytest.mark.django_db
def test_the_other_desk_picking_up_between_the_check_and_the_lookup_is_no_404(world, client, monkeypatch):
    # The interleaving the threads above hit only sometimes, made certain: the other desk's pick-up
    # commits after the view's first check and before it looks the signal up.
    make_desk(world.orgs.waterlelie)
    dirk, servicepunt = second_desk()
    signal = hand_in(world)

    def other_desk_first(user, pk, **kwargs):
        signal_pick_up(signal=Signal.objects.get(pk=pk), actor=dirk, organisation=servicepunt)
        return signal_for_desk(user, pk, **kwargs)

    monkeypatch.setattr(desk_views, "signal_for_desk", other_desk_first)
    client.force_login(world.people.fatima)
    fatima = client
    answer = fatima.post(reverse("signals:pick_up", args=[signal.pk]))

    assert answer.status_code == 302 and answer["Location"] == reverse("signals:desk")
    assert "al opgepakt" in fatima.get(reverse("signals:desk")).content.decode()
    assert Signal.objects.get(pk=signal.pk).picked_up_by_organisation_id == servicepunt.pk
