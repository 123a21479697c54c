# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Login, the second factor, logout, the language switch, the start page, and confirming memberships."""

from django.urls import include, path

from accounts.views import login, memberships, notice_settings, oidc

urlpatterns = [
    path("", login.home, name="home"),
    path("inloggen/", login.LoginView.as_view(), name="login"),
    path("inloggen/code/", login.verify, name="verify"),
    path("uitloggen/", login.LogoutView.as_view(), name="logout"),
    # Single sign-on (OpenID Connect): 404 unless configured.
    path("inloggen/oidc/", oidc.OIDCLoginView.as_view(), name="oidc_authentication_init"),
    path("inloggen/oidc/terug/", oidc.OIDCCallbackView.as_view(), name="oidc_authentication_callback"),
    path("taal/", include("django.conf.urls.i18n")),
    # A person's own settings: how notices reach them by e-mail.
    path("instellingen/", notice_settings.notice_settings, name="notice_settings"),
    # A coordinator confirms new memberships of their organisation (four eyes).
    path("lidmaatschappen/", memberships.to_confirm, name="memberships_to_confirm"),
    path("lidmaatschappen/<int:pk>/bevestigen/", memberships.confirm, name="membership_confirm"),
]
