# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events voor partnersystemen")

    def ready(self) -> None:
        from audit.services.registry import follow
        from events.models import Subscription

        # Creating or changing a subscription is an administrator's act: in the audit trail, with
        # the secret's ciphertext and its wrapped key masked (encrypted columns, key fields).
        follow(Subscription)
