# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on pages: off to the provider, back from it, and a refusal in plain Dutch.

Both answer 404 unless OIDC is configured. A refused login (accounts.oidc.Refusal) is a 403 page
that says why and what to do — never a silent redirect to the login page, never a server error.
"""

from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from accounts.oidc import (
    ADVICE,
    BACKEND_PATH,
    DEFAULT_ADVICE,
    SECOND_FACTOR_SESSION_KEY,
    OIDCRefused,
    Refusal,
    logger,
    oidc_enabled,
)


class OIDCLoginView(OIDCAuthenticationRequestView):
    """To the provider's login page, with state, nonce and PKCE kept in the session."""

    def get(self, request):
        if not oidc_enabled():
            raise Http404
        return super().get(request)


class OIDCCallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: log in (accounts.oidc.OIDCBackend decides), or say why not."""

    def get(self, request):
        if not oidc_enabled():
            raise Http404
        try:
            return super().get(request)
        except SuspiciousOperation:
            # The library's answer to a state this session never started (an old tab, a replay).
            return self.refused(OIDCRefused(Refusal.STALE_LOGIN))

    def login_success(self):
        response = super().login_success()
        if getattr(self.request, "oidc_second_factor", False):
            self.request.session[SECOND_FACTOR_SESSION_KEY] = self.user.pk
        return response

    def login_failure(self):
        refusal = getattr(self.request, "oidc_refusal", None)
        if refusal is None:
            # The provider answered with an error (the user cancelled), or nothing to go on.
            refusal = OIDCRefused(Refusal.CANCELLED if self.request.GET.get("error") else Refusal.STALE_LOGIN)
        return self.refused(refusal)

    def refused(self, refusal: OIDCRefused):
        user = refusal.user
        # Like a refused password login: the reason code and the account's id, no name or e-mail.
        logger.warning("OIDC login refused: %s (user %s)", refusal.reason.value, user.pk if user else "-")
        if user is not None:
            # django-axes records it as a failed login of that account, as for a password login.
            user_login_failed.send(
                sender=BACKEND_PATH, credentials={"username": user.get_username()}, request=self.request
            )
            # Enough of them lock the account's password login, but this page says the real reason:
            # axes' lockout page ("too many wrong passwords") would be wrong here.
            self.request.axes_locked_out = False
        context = {"message": refusal.reason.message, "advice": ADVICE.get(refusal.reason, DEFAULT_ADVICE)}
        return render(self.request, "registration/oidc_refused.html", context, status=403)
