# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Login (with lockout by django-axes), two-factor verification (django-otp TOTP), logout, home."""

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.utils import get_credential_model

from accounts.forms import LoginForm, TokenForm
from accounts.oidc import provider_logout_url
from accounts.selectors.actor import actor_for
from accounts.services.two_factor import totp_verify
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


def qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """Second step of the login: a TOTP code or a passkey.

    Someone without a second factor gets only the explanation: they set it up through the
    one-time link their coordinator or administrator issues (accounts.views.enrolment), so a
    password alone never suffices to choose the authenticator.
    """
    user = request.user
    if getattr(user, "is_verified", lambda: False)():
        return redirect(_safe_next(request))
    if not user_has_device(user):
        return render(request, "registration/enrolment_needed.html")
    has_totp = TOTPDevice.objects.devices_for_user(user).exists()
    form = TokenForm(request.POST or None)
    if request.method == "POST" and has_totp and form.is_valid():
        matched = totp_verify(user=user, token=form.cleaned_data["token"])
        if matched:
            otp_login(request, matched)
            return redirect(_safe_next(request))
        form.add_error("token", _wrong_code())
        form.mark_invalid("token")
    context = {
        "form": form,
        "has_totp": has_totp,
        "has_passkey": get_credential_model().objects.devices_for_user(user).exists(),
        "next": _safe_next(request),
    }
    return render(request, "registration/verify.html", context)


def _wrong_code():
    from django.utils.translation import gettext as _

    return _("Deze code klopt niet of is verlopen. Kijk in uw app en typ de code die nu staat.")


class TwoFactorMiddleware:
    """With REQUIRE_TWO_FACTOR, a logged-in user without a verified second factor reaches only the verify page.

    Runs after django_otp's OTPMiddleware, which gives `request.user.is_verified()`.
    """

    # The enrolment link's pages and the passkey ceremonies (django-otp-webauthn's own views
    # refuse a registration without a link or a verified session: accounts.views.enrolment).
    ALLOWED = {"verify", "logout", "set_language", "health", "enrol_open", "enrol"}
    ALLOWED_NAMESPACES = {"otp_webauthn"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if not settings.REQUIRE_TWO_FACTOR or user is None or not user.is_authenticated:
            return None
        match = request.resolver_match
        if user.is_verified() or match.url_name in self.ALLOWED or match.namespace in self.ALLOWED_NAMESPACES:
            return None
        return redirect(f"{reverse('verify')}?{urlencode({'next': request.get_full_path()})}")
