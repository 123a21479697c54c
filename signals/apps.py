# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "signals"
    verbose_name = "Signalen"

    def ready(self) -> None:
        # Every change of a signal lands in the audit trail, its ciphertext masked, like the resident's.
        from audit.services.registry import follow
        from signals.models import Signal, SignalAddition, SignalDesk

        follow(Signal, m2m=("categories",))
        for model in (SignalAddition, SignalDesk):
            follow(model)
