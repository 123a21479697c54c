# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The scope a view needs for what it is asked; the policies decide the rest, as for the pages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class HasScope(BasePermission):
    """The token must carry the view's scope (`scopes`: action name -> scope, or `scope` for all)."""

    message = _("Deze koppeling heeft de scope voor deze aanroep niet.")

    def has_permission(self, request: Request, view: Any) -> bool:
        token = request.auth
        if token is None or not request.user.is_authenticated:
            return False
        needed = getattr(view, "scopes", {}).get(getattr(view, "action", None)) or getattr(view, "scope", None)
        if needed is None:
            return False  # a view that names no scope is closed, not open
        return bool(token.allow_scopes([needed]))
