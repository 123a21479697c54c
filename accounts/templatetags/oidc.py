# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The single sign-on choice on the login page: shown only when OIDC is configured."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.oidc import oidc_enabled

register = template.Library()


@register.inclusion_tag("registration/oidc_login.html")
def oidc_login(next_url=""):
    if not oidc_enabled():
        return {"enabled": False}
    href = reverse("oidc_authentication_init")
    if next_url:
        # The library checks this address again before it sends the user there.
        href += "?" + urlencode({"next": next_url})
    # A name the installation chose is a proper name; the default is a phrase of the UI.
    provider_name = settings.OIDC_PROVIDER_NAME or _("het account van uw organisatie")
    return {"enabled": True, "provider_name": provider_name, "href": href}
