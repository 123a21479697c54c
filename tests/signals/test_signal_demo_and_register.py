# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The demo has signal desks, signals and signallers whose access runs out; the register names the activity."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts.models import Membership
from policies.register import ACTIVITIES, as_text
from policies.roles import Role
from signals.models import Signal, SignalDesk


def test_the_demo_data_has_signal_desks_signals_and_expiring_signallers(db, client):
    call_command("load_demo_data")
    assert set(SignalDesk.objects.values_list("organisation__slug", flat=True)) == {
        "sociaal-servicepunt",
        "kwadraad-waterlelie",
    }
    assert Signal.objects.count() == 2
    signallers = Membership.objects.filter(role=Role.SIGNALLER)
    assert signallers.count() == 2 and not signallers.filter(valid_until__isnull=True).exists()
    call_command("load_demo_data")  # twice: nothing new
    assert Signal.objects.count() == 2
    # The functional administrator keeps the signal desks in the admin.
    client.force_login(get_user_model().objects.get(username="beheer"))
    assert client.get("/beheer/signals/signaldesk/").status_code == 200


def test_the_processing_register_names_signals_as_its_own_activity():
    activity = ACTIVITIES["signals"]
    assert activity.name == "Vroegsignalering" and "contact" in activity.data_categories
    assert "Vroegsignalering [signals]" in as_text()
