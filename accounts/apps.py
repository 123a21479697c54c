# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from accounts.views.idle import refreshed_on_login

        user_logged_in.connect(refreshed_on_login, dispatch_uid="accounts.idle.refreshed_on_login")
        self._follow_second_factor()

    @staticmethod
    def _follow_second_factor() -> None:
        """Issuing and using an enrolment link, and a device added, confirmed or removed, land in the audit trail.

        Of a device only who it is for, its name and whether it is confirmed: not its key, and not
        the counters every login moves (auditlog writes no entry when none of these changed).
        """
        from auditlog.registry import auditlog
        from django_otp.plugins.otp_totp.models import TOTPDevice
        from django_otp_webauthn.utils import get_credential_model

        from accounts.models import EnrolmentLink
        from audit.services.registry import follow

        follow(EnrolmentLink)
        for model in (TOTPDevice, get_credential_model()):
            if not auditlog.contains(model):
                auditlog.register(model, include_fields=["user", "name", "confirmed"])
