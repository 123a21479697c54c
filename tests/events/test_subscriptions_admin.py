# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The functional administrator subscribes a client application: audited, the secret shown once."""

from audit.models import AuditEntry
from events.models import Delivery, Subscription
from tests.api.conftest import register_client


def test_the_administrator_subscribes_a_client_and_sees_the_secret_once(admin_client, world, settings):
    settings.EVENTS_ALLOW_LOOPBACK_HTTP = False
    application, _ = register_client(world.people.kees, world.orgs.kredietbank)
    client = application.authorisation
    form = {"client": client.pk, "callback_url": "http://partner.example/events", "active": "on"}

    refused = admin_client.post("/beheer/events/subscription/add/", form)
    assert refused.status_code == 200 and "https://" in refused.content.decode()
    assert not Subscription.objects.exists()

    form["callback_url"] = "https://partner.example/events"
    form["event_types"] = ["nl.overdracht.referral.sent", "nl.overdracht.referral.withdrawn"]
    shown = admin_client.post("/beheer/events/subscription/add/", form)
    subscription = Subscription.objects.get()
    assert shown.status_code == 200 and subscription.secret in shown.content.decode()
    assert subscription.event_types == ["nl.overdracht.referral.sent", "nl.overdracht.referral.withdrawn"]
    # Never again: not on its page, not in the audit trail.
    page = admin_client.get(f"/beheer/events/subscription/{subscription.pk}/change/")
    assert page.status_code == 200 and subscription.secret not in page.content.decode()
    entry = AuditEntry.objects.get_for_object(subscription).get()
    assert subscription.secret not in str(entry.changes) and subscription.secret_ciphertext not in str(entry.changes)

    # Switched off through the service: audited as a change.
    form.pop("active")
    assert admin_client.post(f"/beheer/events/subscription/{subscription.pk}/change/", form).status_code == 302
    subscription.refresh_from_db()
    assert not subscription.active
    assert AuditEntry.objects.get_for_object(subscription).count() == 2
    assert admin_client.get("/beheer/events/delivery/").status_code == 200
    assert not Delivery.objects.exists()
