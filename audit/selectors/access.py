# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The way in to the privacy officer's pages: only a privacy officer gets them, everyone else 404."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from accounts.selectors.actor import actor_for
from directory.models import Organisation
from policies.roles import Role


def privacy_officer_organisation(user: AbstractBaseUser | AnonymousUser) -> Organisation:
    """The organisation `user` is privacy officer for (today), or 404: the pages do not exist for others."""
    orgs = actor_for(user).organisations_with({Role.PRIVACY_OFFICER})
    if not orgs:
        raise Http404
    return Organisation(pk=min(orgs))
