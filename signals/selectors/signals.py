# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Reading signals, filtered by policies.signals in SQL; the one-way-in helpers answer 404 for the rest."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from accounts.selectors.actor import actor_for
from audit.services.refusals import record_refusal
from audit.services.trail import log_access
from policies.signals import SIGNAL_DESK_ROLES, SignalStatus, signal_policy
from signals.models import Signal, SignalDesk

User = AbstractBaseUser | AnonymousUser


def desk_ids() -> frozenset[int]:
    """The organisations that receive signals (a handful of rows)."""
    return frozenset(SignalDesk.objects.values_list("organisation_id", flat=True))


def my_desks(user: User) -> frozenset[int]:
    """The signal desks where the user works with residents (no query for whoever has no such role)."""
    actor = actor_for(user)
    if not actor.organisations_with(SIGNAL_DESK_ROLES):
        return frozenset()
    return signal_policy.desk_organisations(actor, desk_ids())


def signals_of_signaller(user: User) -> QuerySet[Signal]:
    """The signaller's own signals: reference, date, wijk, status — nothing else is shown."""
    orgs = signal_policy.signalling_organisations(actor_for(user))
    return (
        Signal.objects.filter(signalled_by_id=user.pk, signalled_by_organisation_id__in=orgs)
        .select_related("wijk")
        .order_by("-created_at")
    )


def picked_up_by_another_desk(pk: int, desks: Iterable[int]) -> bool:
    """Whether another desk than these has the signal: the pick-up race's loser is told so, not 404."""
    taken = Signal.objects.filter(pk=pk, erased_at__isnull=True).exclude(status=SignalStatus.RECEIVED)
    return taken.exclude(picked_up_by_organisation_id__in=list(desks)).exists()


def desk_inbox(user: User) -> dict[str, QuerySet[Signal]]:
    """New signals (every desk sees them) and the ones the user's organisations picked up and still work on."""
    mine = my_desks(user)
    none = Signal.objects.none()
    if not mine:
        return {"new": none, "picked_up": none}
    base = Signal.objects.filter(erased_at__isnull=True).select_related("wijk").prefetch_related("categories")
    return {
        "new": base.filter(status=SignalStatus.RECEIVED).order_by("created_at"),
        "picked_up": base.filter(status=SignalStatus.PICKED_UP, picked_up_by_organisation_id__in=mine)
        .select_related("picked_up_by", "picked_up_by_organisation")
        .order_by("picked_up_at"),
    }


def _not_visible(user: User, pk: int) -> Http404:
    obj = Signal.objects.select_related("resident").filter(pk=pk).first()
    record_refusal(
        user,
        model=Signal,
        key=pk,
        obj=obj,
        status=404,
        activity="signals",
        pseudonym=obj.audit_pseudonym() if obj else "",
    )
    return Http404()


def signal_for_desk(user: User, pk: int, *, shows: Iterable[str] = ()) -> Signal:
    """A signal for a desk professional; 404 when they may not see it. Logs what the page shows."""
    signal = (
        Signal.objects.select_related("resident", "wijk", "picked_up_by", "picked_up_by_organisation")
        .prefetch_related("categories", "additions")
        .filter(pk=pk)
        .first()
    )
    actor = actor_for(user)
    desks = desk_ids()
    if signal is None or not signal_policy.sees_content(actor, signal, desks):
        raise _not_visible(user, pk)
    organisation = signal.picked_up_by_organisation_id or min(signal_policy.desk_organisations(actor, desks))
    shows = tuple(shows)
    if shows:
        roles = sorted(actor.roles_in(organisation) & SIGNAL_DESK_ROLES)
        log_access(
            actor=user,
            obj=signal,
            activity="signals",
            organisation=organisation,
            role=roles[0] if roles else "",
            fields=shows,
            pseudonym=signal.audit_pseudonym(),
        )
    return signal


def signal_for_signaller(user: User, pk: int) -> Signal:
    """The signaller's own signal (status only); 404 for anyone else's."""
    signal = Signal.objects.select_related("resident").filter(pk=pk).first()
    if signal is None or not signal_policy.is_signaller_of(actor_for(user), signal):
        raise _not_visible(user, pk)
    return signal


def navigation_items(user: User) -> list[tuple[str, str]]:
    """The menu entries of the signaller and of the signal desk's professionals."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    items = []
    if signal_policy.signalling_organisations(actor_for(user)):
        items += [(reverse("signals:mine"), _("Mijn signalen")), (reverse("signals:new"), _("Signaal doorgeven"))]
    if my_desks(user):
        items.append((reverse("signals:desk"), _("Signaalbalie")))
    return items
