# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from accounts.views.idle import refreshed_on_login

        user_logged_in.connect(refreshed_on_login, dispatch_uid="accounts.idle.refreshed_on_login")
