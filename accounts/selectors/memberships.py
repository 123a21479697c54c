"""Reads about people and where they work."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from accounts.selectors.actor import actor_for
from policies.roles import RECEIVING_ROLES

if TYPE_CHECKING:
    from directory.models import Organisation


def colleagues(organisation: Organisation) -> QuerySet[User]:
    """People of `organisation` who can take a referral (intake or coordinator)."""
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation=organisation,
            memberships__role__in=[str(r) for r in RECEIVING_ROLES],
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "username")
    )


def organisations_for(user: AbstractBaseUser | AnonymousUser, roles: Iterable[str]) -> list[Organisation]:
    """The organisations where `user` holds one of `roles` today, by name."""
    from directory.models import Organisation

    ids = actor_for(user).organisations_with(roles)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))
