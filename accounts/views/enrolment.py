# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Second-factor enrolment issued, not grabbed.

- An administrator or coordinator issues a person's one-time link (`people`, `issue`); it is
  shown once, to be handed over out of band.
- The person opens it (`open_link`: the token leaves the address bar at once, and is checked
  against its hash), logs in with their password, and sets up an authenticator app or a
  passkey (`enrol`; the passkey through the WebAuthn views below).
- Once logged in with their second factor, they may add a passkey (`second_factors`).
"""

from __future__ import annotations

import base64
from logging import getLogger

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp_webauthn import exceptions as webauthn_errors
from django_otp_webauthn.settings import app_settings as webauthn_settings
from django_otp_webauthn.utils import rewrite_exceptions
from django_otp_webauthn.views import BeginCredentialRegistrationView, CompleteCredentialRegistrationView

from accounts.forms import TokenForm
from accounts.models import EnrolmentLink
from accounts.selectors.enrolment import (
    has_second_factor,
    link_for_token,
    open_link_for,
    people_for_enrolment,
    person_for_enrolment,
)
from accounts.services.enrolment import (
    enrol_with_passkey,
    enrol_with_totp,
    enrolment_link_issue,
    passkey_add,
    second_factor_reset,
)
from accounts.services.two_factor import totp_enrolment_start
from accounts.views.login import ENROL_SESSION_KEY, qr_svg
from referrals.services.errors import ActionRefused

# The link being used, by its id: the token itself is never kept, not even in the session.
LINK_SESSION_KEY = "otp_enrolment_link"


# --- Issuing (administrator, coordinator) -------------------------------------------------


@login_required
def people(request: HttpRequest) -> HttpResponse:
    """The people the user may issue a link for, with the state of their second factor."""
    found = people_for_enrolment(request.user)
    if not found:
        raise Http404
    rows = [(person, has_second_factor(person), open_link_for(person)) for person in found]
    return render(request, "accounts/enrolment_people.html", {"rows": rows})


@never_cache
@login_required
@require_POST
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue a link (or, with `reset`, first remove the person's devices) and show it this once."""
    person = person_for_enrolment(request.user, pk)
    reset = request.POST.get("reset") == "1"
    try:
        service = second_factor_reset if reset else enrolment_link_issue
        link, token = service(person=person, by=request.user)
    except ActionRefused as refused:
        messages.error(request, refused.message)
        return redirect("enrolment_people")
    url = request.build_absolute_uri(f"{reverse('enrol_open')}?{urlencode({'sleutel': token})}")
    return render(
        request, "accounts/enrolment_issued.html", {"person": person, "link": link, "url": url, "reset": reset}
    )


# --- Using the link (the person) -----------------------------------------------------------


def _invalid(request: HttpRequest) -> HttpResponse:
    # One answer for unknown, used, expired, revoked and someone else's: nothing to learn from it.
    return render(request, "registration/enrol_invalid.html", status=404)


@never_cache
def open_link(request: HttpRequest) -> HttpResponse:
    """The link as handed over: remember which one (by id) and go on without the token in the address."""
    link = link_for_token(request.GET.get("sleutel", ""))
    if link is None or (request.user.is_authenticated and link.user_id != request.user.pk):
        return _invalid(request)
    request.session[LINK_SESSION_KEY] = link.pk
    target = reverse("enrol")
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?{urlencode({'next': target})}")
    return redirect(target)


def link_in_session(request: HttpRequest) -> EnrolmentLink | None:
    """The usable link this session opened, when it is the logged-in user's own."""
    link_id = request.session.get(LINK_SESSION_KEY)
    if not isinstance(link_id, int) or not request.user.is_authenticated:
        return None
    return EnrolmentLink.objects.usable().filter(pk=link_id, user_id=request.user.pk).first()


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up the second factor: a passkey, or an authenticator app (QR code and a first code)."""
    link = link_in_session(request)
    if link is None:
        return _invalid(request)
    user = request.user
    device = totp_enrolment_start(user=user, device_pk=request.session.get(ENROL_SESSION_KEY))
    request.session[ENROL_SESSION_KEY] = device.pk
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            matched = enrol_with_totp(user=user, link_id=link.pk, device_pk=device.pk, token=form.cleaned_data["token"])
        except ActionRefused:
            return _invalid(request)
        if matched:
            _finish(request)
            otp_login(request, matched)
            messages.success(
                request, _("Uw tweede stap is ingesteld. Voortaan vraagt Overdracht daar bij het inloggen om.")
            )
            return redirect("home")
        form.add_error("token", _("Deze code klopt niet of is verlopen. Kijk in uw app en typ de code die nu staat."))
        form.mark_invalid("token")
    context = {
        "form": form,
        "link": link,
        "qr_svg": mark_safe(qr_svg(device.config_url)),  # noqa: S308 (our own generated SVG)
        # Authenticator apps take the key in base32 (as in the QR code), not django-otp's hex.
        "secret": base64.b32encode(device.bin_key).decode().rstrip("="),
    }
    return render(request, "registration/enrol.html", context)


def _finish(request: HttpRequest) -> None:
    request.session.pop(LINK_SESSION_KEY, None)
    request.session.pop(ENROL_SESSION_KEY, None)


@login_required
def second_factors(request: HttpRequest) -> HttpResponse:
    """The user's own devices; once logged in with one of them, a passkey can be added."""
    devices = sorted(devices_for_user(request.user), key=lambda d: (d.__class__.__name__, d.pk))
    return render(
        request,
        "accounts/second_factors.html",
        {"devices": devices, "may_add": request.user.is_verified()},
    )


# --- WebAuthn registration, gated: a link in this session, or a session verified by a second factor.


class EnrolmentLinkRequired(webauthn_errors.OTPWebAuthnApiError):
    status_code = 403
    default_detail = gettext_lazy(
        "Een passkey instellen kan alleen met uw koppellink, of nadat u bent ingelogd met uw tweede stap."
    )
    default_code = "enrolment_link_required"


class _IssuedNotGrabbed:
    """The library lets anyone without a device register one; here only with a link or a verified session."""

    request: HttpRequest

    def check_can_register(self) -> None:
        if not (self.request.user.is_verified() or link_in_session(self.request)):
            raise EnrolmentLinkRequired()


@method_decorator(never_cache, name="dispatch")
class BeginPasskeyRegistration(_IssuedNotGrabbed, BeginCredentialRegistrationView):
    pass


@method_decorator(never_cache, name="dispatch")
class CompletePasskeyRegistration(_IssuedNotGrabbed, CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        request = self.request
        user = self.get_user()
        state = self.get_state()
        helper = self.get_helper()

        def register():
            return helper.register_complete(user=user, state=state, data=request.data)

        verified = request.user.is_verified()
        link = None if verified else link_in_session(request)
        try:
            with rewrite_exceptions(logger=getLogger(webauthn_settings.OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME)):
                if verified:
                    device = passkey_add(user=user, register=register)
                else:
                    device = enrol_with_passkey(user=user, link_id=getattr(link, "pk", None), register=register)
        except ActionRefused as refused:
            raise EnrolmentLinkRequired(detail=refused.message) from refused
        if not verified:
            _finish(request)
            otp_login(request, device)
        return JsonResponse({"id": device.pk, "redirect_url": reverse("home")})
