# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Login, the second factor and its enrolment link, logout, the language switch, the start page, and confirming memberships."""

from django.urls import include, path
from django_otp_webauthn import urls as webauthn_urls

from accounts.views import enrolment, login, memberships, notice_settings, oidc

# django-otp-webauthn's views under its own namespace (its template tags reverse them), with the
# registration gated by the enrolment link (accounts.views.enrolment).
_gated = {
    "credential-registration-begin": enrolment.BeginPasskeyRegistration.as_view(),
    "credential-registration-complete": enrolment.CompletePasskeyRegistration.as_view(),
}
webauthn_patterns = [
    path(str(p.pattern), _gated.get(p.name, p.callback), name=p.name) for p in webauthn_urls.urlpatterns
]

urlpatterns = [
    path("", login.home, name="home"),
    path("inloggen/", login.LoginView.as_view(), name="login"),
    path("inloggen/code/", login.verify, name="verify"),
    path("uitloggen/", login.LogoutView.as_view(), name="logout"),
    # Single sign-on (OpenID Connect): 404 unless configured.
    path("inloggen/oidc/", oidc.OIDCLoginView.as_view(), name="oidc_authentication_init"),
    path("inloggen/oidc/terug/", oidc.OIDCCallbackView.as_view(), name="oidc_authentication_callback"),
    # The one-time link that sets up the second factor, and who may issue it.
    path("inloggen/koppelen/", enrolment.open_link, name="enrol_open"),
    path("inloggen/koppelen/instellen/", enrolment.enrol, name="enrol"),
    path("inloggen/passkey/", include((webauthn_patterns, "otp_webauthn"))),
    path("tweede-stap/", enrolment.people, name="enrolment_people"),
    path("tweede-stap/<int:pk>/koppellink/", enrolment.issue, name="enrolment_issue"),
    path("account/tweede-stap/", enrolment.second_factors, name="second_factors"),
    path("taal/", include("django.conf.urls.i18n")),
    # A person's own settings: how notices reach them by e-mail.
    path("instellingen/", notice_settings.notice_settings, name="notice_settings"),
    # A coordinator confirms new memberships of their organisation (four eyes).
    path("lidmaatschappen/", memberships.to_confirm, name="memberships_to_confirm"),
    path("lidmaatschappen/<int:pk>/bevestigen/", memberships.confirm, name="membership_confirm"),
]
