# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.core import checks


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = "Overdracht"

    def ready(self) -> None:
        # Registers the key checks and the erasure journal's check (no database query here;
        # they run when asked).
        from referrals import checks as key_checks  # noqa: F401
        from referrals.services.erasure_journal import check_erasure_journal

        checks.register(check_erasure_journal, checks.Tags.security, deploy=True)
