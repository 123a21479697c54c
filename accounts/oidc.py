# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on with OpenID Connect (mozilla-django-oidc): who may log in, and what the provider proves.

The provider proves who someone is; Overdracht decides whether they may work here. The claim
OIDC_USER_CLAIM must name exactly one existing, active account (by OIDC_USER_FIELD) with a
membership active today; users are never created from the provider. Every refusal carries a
`Refusal` reason, which the callback view (accounts/views/oidc.py) shows in plain Dutch.

The library leaves checks to us that we make here:
- the ID token's audience (`aud`, and `azp` when there are several) must be our client id
  (mozilla-django-oidc decodes with `verify_aud=False`), and its issuer (`iss`) our provider;
- `exp` and `iat` must be present (PyJWT checks `exp` only when it is there), and an expired token
  is a refusal (the library let PyJWT's ExpiredSignatureError through: a server error);
- the userinfo's `sub` must be the ID token's (OpenID Connect Core 5.3.2);
- a failing token endpoint or provider is a refusal, not a server error.
"""

from __future__ import annotations

import enum
import logging
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from accounts.selectors.actor import actor_for

logger = logging.getLogger("overdracht.oidc")

BACKEND_PATH = "accounts.oidc.OIDCBackend"
# The session remembers (as the user's id) that the provider vouched for a second factor.
SECOND_FACTOR_SESSION_KEY = "oidc_second_factor"
# Clock difference allowed between the provider and us when checking `exp`, `iat` and `nbf`.
LEEWAY_SECONDS = 30


class Refusal(enum.Enum):
    """Why an OIDC login was refused; the value is the code in the log, the message is for the user."""

    UNKNOWN_USER = "unknown_user"
    AMBIGUOUS_USER = "ambiguous_user"
    UNVERIFIED_EMAIL = "unverified_email"
    INACTIVE_USER = "inactive_user"
    NO_MEMBERSHIP = "no_membership"
    EXPIRED_TOKEN = "expired_token"
    WRONG_AUDIENCE = "wrong_audience"
    WRONG_ISSUER = "wrong_issuer"
    INVALID_TOKEN = "invalid_token"
    PROVIDER_ERROR = "provider_error"
    STALE_LOGIN = "stale_login"
    CANCELLED = "cancelled"

    @property
    def message(self) -> str:
        return str(_MESSAGES[self])


_ASK_COORDINATOR = _("Vraag de coördinator van uw organisatie in Overdracht om u toegang te geven.")
_TRY_AGAIN = _("Probeer opnieuw in te loggen. Lukt het dan weer niet, meld het aan de functioneel beheerder.")
_MESSAGES = {
    Refusal.UNKNOWN_USER: _("U bent bij uw organisatie ingelogd, maar Overdracht kent geen account dat bij u hoort."),
    Refusal.AMBIGUOUS_USER: _(
        "U bent bij uw organisatie ingelogd, maar in Overdracht horen meerdere accounts bij u. "
        "De functioneel beheerder moet dit eerst rechtzetten."
    ),
    Refusal.UNVERIFIED_EMAIL: _(
        "Uw organisatie heeft uw e-mailadres niet bevestigd. Daarom kan Overdracht u er niet mee herkennen."
    ),
    Refusal.INACTIVE_USER: _("Uw account in Overdracht is uitgeschakeld."),
    Refusal.NO_MEMBERSHIP: _("U hebt in Overdracht (nog) geen actieve rol bij een organisatie."),
    Refusal.EXPIRED_TOKEN: _("Het bewijs van inloggen van uw organisatie was verlopen."),
    Refusal.WRONG_AUDIENCE: _("Het bewijs van inloggen van uw organisatie was niet voor Overdracht bestemd."),
    Refusal.WRONG_ISSUER: _("Het bewijs van inloggen kwam niet van de inlogdienst die Overdracht vertrouwt."),
    Refusal.INVALID_TOKEN: _("Het bewijs van inloggen van uw organisatie was niet geldig."),
    Refusal.PROVIDER_ERROR: _("De inlogdienst van uw organisatie gaf een fout of was niet bereikbaar."),
    Refusal.STALE_LOGIN: _("Deze inlogpoging is verlopen of al gebruikt."),
    Refusal.CANCELLED: _("Het inloggen bij uw organisatie is afgebroken."),
}
# What the user can do about it.
ADVICE = {
    Refusal.UNKNOWN_USER: _ASK_COORDINATOR,
    Refusal.NO_MEMBERSHIP: _ASK_COORDINATOR,
    Refusal.INACTIVE_USER: _ASK_COORDINATOR,
}
DEFAULT_ADVICE = _TRY_AGAIN


class OIDCRefused(Exception):
    def __init__(self, reason: Refusal, user=None):
        super().__init__(reason.value)
        self.reason = reason
        self.user = user


def oidc_enabled() -> bool:
    return bool(getattr(settings, "OIDC_ENABLED", False))


class OIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with Overdracht's rules; inert unless OIDC is configured.

    It is listed in AUTHENTICATION_BACKENDS always (Django builds every backend for every login),
    so without configuration it must neither fail to build nor answer.
    """

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()
        if oidc_enabled():
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        # Only the callback view passes a nonce; a password login with ?code=…&state=… in its
        # URL must not start an OIDC exchange.
        if not oidc_enabled() or request is None or "nonce" not in kwargs or "password" in kwargs:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except OIDCRefused as refusal:
            request.oidc_refusal = refusal
        except requests.RequestException as exc:
            # The token, userinfo or key endpoint answered an error (or not at all); the
            # library's message holds the provider's answer, which may name the user.
            logger.warning("OIDC provider request failed: %s", type(exc).__name__)
            request.oidc_refusal = OIDCRefused(Refusal.PROVIDER_ERROR)
        except (SuspiciousOperation, jwt.PyJWTError, ValueError, KeyError) as exc:
            logger.warning("OIDC token refused: %s", type(exc).__name__)
            # A wrong nonce, algorithm or signature, no matching key, a malformed answer.
            request.oidc_refusal = OIDCRefused(Refusal.INVALID_TOKEN)
        return None

    def retrieve_matching_jwk(self, token):
        """The provider's key for this token: by `kid`, or its only signing key when the token names none.

        OpenID Connect Core 10.1 lets a provider with one key leave `kid` out; the library then
        failed with a KeyError.
        """
        header = jwt.get_unverified_header(token)
        if "kid" in header:
            return super().retrieve_matching_jwk(token)
        response = requests.get(
            self.OIDC_OP_JWKS_ENDPOINT,
            verify=self.get_settings("OIDC_VERIFY_SSL", True),
            timeout=self.get_settings("OIDC_TIMEOUT", None),
        )
        response.raise_for_status()
        keys = [
            key
            for key in response.json()["keys"]
            if key.get("use", "sig") == "sig" and key.get("alg", header.get("alg")) == header.get("alg")
        ]
        if len(keys) != 1:
            raise OIDCRefused(Refusal.INVALID_TOKEN)
        return jwt.PyJWK(keys[0])

    def _verify_jws(self, payload, key):
        """The library's signature check, plus audience, issuer and the required times."""
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise OIDCRefused(Refusal.INVALID_TOKEN)
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise OIDCRefused(Refusal.EXPIRED_TOKEN) from exc
        except jwt.InvalidAudienceError as exc:
            raise OIDCRefused(Refusal.WRONG_AUDIENCE) from exc
        except jwt.InvalidIssuerError as exc:
            raise OIDCRefused(Refusal.WRONG_ISSUER) from exc
        except jwt.PyJWTError as exc:
            raise OIDCRefused(Refusal.INVALID_TOKEN) from exc

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        audiences = payload["aud"] if isinstance(payload["aud"], list) else [payload["aud"]]
        # With several audiences the token must say it was issued to us (Core 3.1.3.7, items 4-5).
        if len(audiences) > 1 and payload.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise OIDCRefused(Refusal.WRONG_AUDIENCE)
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        """The one existing account the provider's claim names, if it may log in; never a new one."""
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise OIDCRefused(Refusal.INVALID_TOKEN)
        claims = {**payload, **userinfo}
        value = claims.get(settings.OIDC_USER_CLAIM)
        if not isinstance(value, str) or not value.strip():
            raise OIDCRefused(Refusal.UNKNOWN_USER)
        if settings.OIDC_USER_FIELD == "email":
            if claims.get("email_verified") is False:
                raise OIDCRefused(Refusal.UNVERIFIED_EMAIL)
            users = list(self.UserModel.objects.filter(email__iexact=value.strip())[:2])
        else:
            users = list(self.UserModel.objects.filter(**{self.UserModel.USERNAME_FIELD: value.strip()})[:2])
        if not users:
            raise OIDCRefused(Refusal.UNKNOWN_USER)
        if len(users) > 1:
            raise OIDCRefused(Refusal.AMBIGUOUS_USER)
        user = users[0]
        if not self.user_can_authenticate(user):
            raise OIDCRefused(Refusal.INACTIVE_USER, user)
        if not actor_for(user).memberships:
            raise OIDCRefused(Refusal.NO_MEMBERSHIP, user)
        self.request.oidc_second_factor = provider_vouches_for_second_factor(claims)
        return user

    def get_user(self, user_id):
        # The library's get_user also returns a deactivated user: a session would outlive it.
        return ModelBackend.get_user(self, user_id)


def provider_vouches_for_second_factor(claims: dict) -> bool:
    """Whether this login counts as two-factor: the installation trusts its provider, or the claims show it.

    `amr` (RFC 8176: "mfa", "otp", "hwk", …) and `acr` (an assurance level such as eHerkenning's
    loa3) come from the ID token, or from the userinfo when the provider puts them there.
    """
    if settings.OIDC_TRUST_PROVIDER_TWO_FACTOR:
        return True
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if set(amr) & set(settings.OIDC_TWO_FACTOR_AMR):
        return True
    acr = claims.get("acr")
    return isinstance(acr, str) and acr in settings.OIDC_TWO_FACTOR_ACR


class ProviderSecondFactorMiddleware:
    """After django-otp's OTPMiddleware: an OIDC login whose provider vouched for a second factor is verified.

    The mark in the session names the user it was given to; a new login starts a new session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SECOND_FACTOR_SESSION_KEY) is not None:
            user = request.user
            request.user = SimpleLazyObject(lambda: _verified_by_provider(session, user))
        return self.get_response(request)


def _verified_by_provider(session, user):
    if (
        getattr(user, "is_authenticated", False)
        and session.get(SECOND_FACTOR_SESSION_KEY) == user.pk
        and session.get(BACKEND_SESSION_KEY) == BACKEND_PATH
    ):
        user.is_verified = lambda: True
    return user


def logged_in_through_provider(request) -> bool:
    return oidc_enabled() and request.session.get(BACKEND_SESSION_KEY) == BACKEND_PATH


def provider_logout_url(request) -> str | None:
    """The provider's end-session address (OpenID Connect RP-Initiated Logout), or None.

    It names our client and where to come back to, not the ID token (`id_token_hint`): the token
    holds personal data and would land in the provider's access log and the browser's history.
    """
    if not settings.OIDC_OP_LOGOUT_ENDPOINT or not logged_in_through_provider(request):
        return None
    query = urlencode(
        {
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
        }
    )
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{query}"
