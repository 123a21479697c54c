# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Reads about people and where they work."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet
from django.http import Http404

from accounts.models import Membership
from accounts.selectors.actor import actor_for
from policies.memberships import PROTECTED_ACCOUNT_ROLES
from policies.roles import RECEIVING_ROLES, Role

if TYPE_CHECKING:
    from directory.models import Organisation


def colleagues(organisation: Organisation) -> QuerySet[User]:
    """People of `organisation` who can take a referral (intake or coordinator)."""
    working_there = Membership.objects.active().filter(
        organisation=organisation, role__in=[str(r) for r in RECEIVING_ROLES]
    )
    return (
        get_user_model()
        .objects.filter(pk__in=working_there.values("user_id"), is_active=True)
        .order_by("first_name", "username")
    )


def organisations_for(user: AbstractBaseUser | AnonymousUser, roles: Iterable[str]) -> list[Organisation]:
    """The organisations where `user` holds one of `roles` today, by name."""
    from directory.models import Organisation

    ids = actor_for(user).organisations_with(roles)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def is_administrator(user: User | AnonymousUser) -> bool:
    """A functional administrator: keeps memberships in the admin (staff with that permission)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or (user.is_staff and user.has_perm("accounts.change_membership")))
    )


def is_protected_account(user: User) -> bool:
    """Privacy officers and administrators: only they themselves set their password."""
    if user.is_superuser or user.is_staff:
        return True
    return Membership.objects.filter(user=user, role__in=PROTECTED_ACCOUNT_ROLES, ended_at__isnull=True).exists()


def administrators(*, besides: Iterable[User | None] = ()) -> list[User]:
    """The functional administrators (for a four-eyes request), but not `besides`."""
    excluded = {u.pk for u in besides if u is not None}
    staff = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(pk__in=excluded)
    return [u for u in staff.order_by("username") if is_administrator(u)]


def memberships_to_confirm(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Membership]:
    """Pending memberships `user` may confirm as a coordinator of the organisation, oldest first."""
    if user.pk is None:
        return Membership.objects.none()
    organisations = actor_for(user).organisations_with([Role.COORDINATOR])
    return (
        Membership.objects.pending()
        .filter(organisation_id__in=organisations)
        .exclude(user_id=user.pk)
        .exclude(created_by_id=user.pk)
        .select_related("user", "organisation", "created_by")
        .order_by("created_at", "pk")
    )


def confirmed_by(user: AbstractBaseUser | AnonymousUser, pk: int) -> bool:
    """Whether `user` confirmed the membership `pk` (nothing else about it)."""
    return user.pk is not None and Membership.objects.filter(pk=pk, confirmed_by_id=user.pk).exists()


def membership_to_confirm(user: AbstractBaseUser | AnonymousUser, pk: int) -> Membership:
    """One of `memberships_to_confirm`, or 404: others do not learn that it exists."""
    membership = memberships_to_confirm(user).filter(pk=pk).first()
    if membership is None:
        raise Http404
    return membership


def hold_membership(user: AbstractBaseUser, organisation_id: int, roles: Iterable[str]) -> bool:
    """Whether `user` works at the organisation in one of `roles` today, holding those rows until commit.

    The row lock makes a membership that is being ended at this moment (membership_end locks
    it first) wait for this transaction, or this one wait for the end: work given to someone
    is then either handed back by the end or refused here, never left with a leaver.
    """
    rows = (
        Membership.objects.active()
        # Only the membership rows (not the user joined for is_active), and not against foreign
        # keys: other transactions' rows that refer to the user must not wait for this one.
        .select_for_update(of=("self",), no_key=True)
        .filter(
            user_id=user.pk, organisation_id=organisation_id, role__in=[str(r) for r in roles], user__is_active=True
        )
        .values_list("pk", flat=True)
    )
    return bool(list(rows))


def works_at(user_id: int, organisation_id: int, roles: Iterable[str]) -> bool:
    """Whether the user holds one of `roles` at the organisation today (a fact about someone else)."""
    return (
        Membership.objects.active()
        .filter(
            user_id=user_id, organisation_id=organisation_id, role__in=[str(r) for r in roles], user__is_active=True
        )
        .exists()
    )
