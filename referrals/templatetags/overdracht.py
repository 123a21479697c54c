# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Template helpers: the navigation per role, state badges."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.selectors.actor import actor_for
from accounts.selectors.memberships import is_administrator
from policies.roles import RECEIVING_ROLES, REFERRING_ROLES, Role

register = template.Library()

_STATE_BADGE = {
    "draft": "neutral",
    "sent": "warning",
    "accepted": "active",
    "in_progress": "active",
    "handed_over": "success",
    "closed": "success",
    "declined": "danger",
    "withdrawn": "inactive",
    "stopped": "danger",
}


@register.inclusion_tag("snippets/navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    if settings.REQUIRE_TWO_FACTOR and not request.user.is_verified():
        return {"items": []}  # every link would lead back to the code page
    roles = {role for _org, role in actor_for(request.user).memberships}
    items = []
    if roles & RECEIVING_ROLES:
        items.append((reverse("inbox"), _("Inbox")))
    if roles & REFERRING_ROLES:
        items += [
            (reverse("cases"), _("Casussen")),
            (reverse("sent"), _("Verstuurd")),
            (reverse("my_follow_ups"), _("Mijn opvolging")),
            (reverse("case_open"), _("Nieuwe casus")),
        ]
    if roles & (RECEIVING_ROLES | REFERRING_ROLES):
        items.append((reverse("directory"), _("Wegwijzer")))
    if roles:
        items.append((reverse("notifications"), _("Berichten")))
    if Role.COORDINATOR in roles:
        items.append((reverse("our_services"), _("Onze diensten")))
        items.append((reverse("memberships_to_confirm"), _("Lidmaatschappen")))
    if Role.COORDINATOR in roles or is_administrator(request.user):
        # Second-factor enrolment links for the people they keep (accounts.views.enrolment).
        items.append((reverse("enrolment_people"), _("Koppellinks")))
    # The signallers' door and the signal desk (signals/); only for who may use them.
    from signals.selectors.signals import navigation_items

    items += navigation_items(request.user)
    if Role.PRIVACY_OFFICER in roles:
        # The privacy officer's pages live under /privacy/ (audit/urls.py).
        items.append(("/privacy/", _("Privacy")))
    if Role.PROGRAMME in roles:
        items.append((reverse("programme:figures"), _("Cijfers")))
        items.append((reverse("programme:targets"), _("Doelen")))
    path = request.path
    current = max((url for url, _label in items if path.startswith(url)), key=len, default=None)
    return {"items": [(url, label, url == current) for url, label in items]}


@register.filter
def state_badge(state: str) -> str:
    return _STATE_BADGE.get(state, "neutral")


@register.filter
def language_name(code) -> str:
    """ "ar" → "Arabisch": a resident's language by name, in the language of the page."""
    return language_names([code]) if code else ""


@register.filter
def receipt_language(code) -> str:
    """The language a consent receipt is printed in for a resident informed in `code`."""
    from policies.consent_text import text_language

    return text_language(code)


@register.filter
def language_names(codes) -> str:
    """["nl", "ar"] → "Nederlands, Arabisch": residents' languages by name, not by code."""
    from referrals.forms import LANGUAGES

    names = {code: str(name) for code, name in LANGUAGES}
    return ", ".join(names.get(code, code) for code in codes or ())


@register.filter
def display_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username
