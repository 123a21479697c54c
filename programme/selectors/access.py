# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The way in to the Cijfers pages: only a programme manager gets them, everyone else 404."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from accounts.selectors.actor import actor_for
from policies.programme import may_see_figures


def programme_manager(user: AbstractBaseUser | AnonymousUser) -> None:
    """404 for anyone who is not a programme manager today: the pages do not exist for them."""
    if not may_see_figures(actor_for(user)):
        raise Http404
