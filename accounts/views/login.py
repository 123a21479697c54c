# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Login (with lockout by django-axes), two-factor verification (django-otp TOTP), logout, home."""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device

from accounts.forms import LoginForm, TokenForm
from accounts.oidc import provider_logout_url
from accounts.selectors.actor import actor_for
from accounts.services.two_factor import totp_enrolment_start, totp_verify
from policies.roles import RECEIVING_ROLES, Role

ENROL_SESSION_KEY = "otp_enrol_device"


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # The Utrecht classes and the error wiring of our own forms.
        for name, field in form.fields.items():
            field.widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"
            if form.is_bound and form.errors:
                field.widget.attrs["aria-invalid"] = "true"
                field.widget.attrs["aria-describedby"] = "login_error"
            field.widget.attrs.setdefault("id", f"id_{name}")
        return form


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        # Asked before the session ends: whether it came from the identity provider.
        provider_logout = provider_logout_url(request)
        response = super().post(request, *args, **kwargs)
        # Then end the provider's session too, which sends the user back to our login page.
        return redirect(provider_logout) if provider_logout else response


def start_page_for(user) -> str:
    """Each role starts where its work is."""
    roles = {role for _org, role in actor_for(user).memberships}
    if roles & {Role.REFERRER, Role.REGISSEUR}:
        return reverse("cases") if Role.REGISSEUR in roles else reverse("sent")
    if roles & RECEIVING_ROLES:
        return reverse("inbox")
    if Role.PRIVACY_OFFICER in roles:
        return "/privacy/"
    if Role.ADMIN in roles or user.is_staff:
        return reverse("admin:index")
    if Role.SIGNALLER in roles:
        return reverse("signals:mine")
    if Role.PROGRAMME in roles:
        return reverse("programme:figures")
    return reverse("directory")


@login_required
def home(request):
    return redirect(start_page_for(request.user))


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("home")


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """Second step of the login: a TOTP code; first time, enrol an authenticator app."""
    user = request.user
    if getattr(user, "is_verified", lambda: False)():
        return redirect(_safe_next(request))
    enrolling = not user_has_device(user)
    device = None
    if enrolling:
        device = totp_enrolment_start(user=user, device_pk=request.session.get(ENROL_SESSION_KEY))
        request.session[ENROL_SESSION_KEY] = device.pk
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        matched = totp_verify(user=user, token=form.cleaned_data["token"], enrolling=device)
        if matched:
            request.session.pop(ENROL_SESSION_KEY, None)
            otp_login(request, matched)
            return redirect(_safe_next(request))
        form.add_error("token", _wrong_code())
        form.mark_invalid("token")
    context = {"form": form, "enrolling": enrolling, "next": _safe_next(request)}
    if enrolling:
        context["qr_svg"] = mark_safe(_qr_svg(device.config_url))  # noqa: S308 (our own generated SVG)
        # Authenticator apps take the key in base32 (as in the QR code), not django-otp's hex.
        context["secret"] = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(request, "registration/verify.html", context)


def _wrong_code():
    from django.utils.translation import gettext as _

    return _("Deze code klopt niet of is verlopen. Kijk in uw app en typ de code die nu staat.")


class TwoFactorMiddleware:
    """With REQUIRE_TWO_FACTOR, a logged-in user without a verified second factor reaches only the verify page.

    Runs after django_otp's OTPMiddleware, which gives `request.user.is_verified()`.
    """

    ALLOWED = {"verify", "logout", "set_language", "health"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if not settings.REQUIRE_TWO_FACTOR or user is None or not user.is_authenticated:
            return None
        if user.is_verified() or request.resolver_match.url_name in self.ALLOWED:
            return None
        return redirect(f"{reverse('verify')}?{urlencode({'next': request.get_full_path()})}")
