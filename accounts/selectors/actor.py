# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The facts the rules in policies/ need about the user who asks, read once per request."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone

from accounts.models import Membership
from policies.actor import ANONYMOUS, Actor
from policies.referrals import HANDLE, RECEIVE

# Within one request the facts are read once (accounts.views.scope.ActorScopeMiddleware);
# outside a request every call reads them afresh, so a service never acts on stale grants.
# They are read on the primary, also on a page that reads from the replica (config.replica): a
# membership ended or a grant taken a moment ago must not open a page for as long as the standby lags.
_MEMBERSHIPS = "_overdracht_memberships"
_scope: ContextVar[dict[int, Actor] | None] = ContextVar("actor_scope", default=None)


@contextmanager
def actor_scope() -> Iterator[None]:
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def actor_for(user: AbstractBaseUser | AnonymousUser | None) -> Actor:
    """The user as the policies see them: memberships active today, grants read on demand."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    scope = _scope.get()
    if scope is not None and user.pk in scope:
        return scope[user.pk]
    # Outside a request the memberships are kept on the user object (it lives for one service
    # call or command), so a handover does not re-read them at every question; grants, which the
    # services change as they go, are always read afresh there.
    memberships = user.__dict__.get(_MEMBERSHIPS)
    if memberships is None:
        # Confirmed, not ended, within its dates: a pending membership (four eyes) gives nothing yet.
        memberships = frozenset(
            Membership.objects.using(DEFAULT_DB_ALIAS)
            .active()
            .filter(user_id=user.pk)
            .values_list("organisation_id", "role")
        )
        user.__dict__[_MEMBERSHIPS] = memberships
    actor = Actor(user_id=user.pk, memberships=memberships, grants_on=_grant_reader(user.pk))
    if scope is not None:
        scope[user.pk] = actor
    return actor


def forget_actor(user: AbstractBaseUser) -> None:
    """After a change of memberships (or, within one request, of grants)."""
    user.__dict__.pop(_MEMBERSHIPS, None)
    scope = _scope.get()
    if scope is not None:
        scope.pop(user.pk, None)


def former_actor(user: AbstractBaseUser | AnonymousUser | None) -> Actor | None:
    """The user as they were before their memberships ended: the ended ones as if still active.

    Never a permission: it only answers whether a refused attempt is a leaver's (someone whose
    ended membership would have let them in), which the privacy officer must hear about at once.
    The receiving organisation's grant counts whether or not it was taken from the leaver's
    group on leaving. None when no membership of the user has ended.
    """
    user_id = user.pk if user is not None and getattr(user, "is_authenticated", False) else None
    if user_id is None:
        return None
    today = timezone.localdate()
    ended = frozenset(
        Membership.objects.using(DEFAULT_DB_ALIAS)
        .filter(user_id=user_id, valid_until__lt=today)
        .values_list("organisation_id", "role")
    )
    if not ended:
        return None
    return Actor(user_id=user_id, memberships=ended, grants_on=_former_grant_reader(user_id))


def _former_grant_reader(user_id: int) -> Callable[[int], frozenset[str]]:
    def grants_on(referral_id: int) -> frozenset[str]:
        user_grants = apps.get_model("referrals", "ReferralUserObjectPermission")
        group_grants = apps.get_model("referrals", "ReferralGroupObjectPermission")
        # Only the receiving organisation's group ever holds RECEIVE (referrals.services.grants).
        received = (
            group_grants.objects.using(DEFAULT_DB_ALIAS)
            .filter(content_object_id=referral_id, permission__codename=RECEIVE)
            .exists()
        )
        handled = (
            user_grants.objects.using(DEFAULT_DB_ALIAS)
            .filter(content_object_id=referral_id, user_id=user_id, permission__codename=HANDLE)
            .exists()
        )
        return frozenset({RECEIVE} if received else set()) | frozenset({HANDLE} if handled else set())

    return grants_on


def _grant_reader(user_id: int) -> Callable[[int], frozenset[str]]:
    @cache
    def grants_on(referral_id: int) -> frozenset[str]:
        # By name: the referral models ask the policies (django-fsm `permission=`), which ask this.
        user_grants = apps.get_model("referrals", "ReferralUserObjectPermission")
        group_grants = apps.get_model("referrals", "ReferralGroupObjectPermission")
        # One query for both permission tables. The receiving grant is only ever given to an
        # organisation's group, the handling grant only to the assignee (referrals.services.grants).
        own = user_grants.objects.using(DEFAULT_DB_ALIAS).filter(
            content_object_id=referral_id, user_id=user_id, permission__codename=HANDLE
        )
        via_group = group_grants.objects.using(DEFAULT_DB_ALIAS).filter(
            content_object_id=referral_id, group__user__id=user_id, permission__codename=RECEIVE
        )
        return frozenset(
            own.values_list("permission__codename", flat=True).union(
                via_group.values_list("permission__codename", flat=True)
            )
        )

    return grants_on
