# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Rate limits per client application, counted in a cache that every server process shares.

The counts live in the database cache `api_throttle` (settings.CACHES): the app keeps no state
of its own and runs as several gunicorn processes, on more than one machine when needed, against
one PostgreSQL; a per-process memory cache would let a client make N times the limit.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import caches
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    scope = "client"

    def __init__(self) -> None:
        self.cache = caches["api_throttle"]
        super().__init__()

    def get_rate(self) -> str:
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        application_id = getattr(request.auth, "application_id", None)
        if application_id is None:
            return None  # not a client's call (the schema, the docs): not counted
        return self.cache_format % {"scope": self.scope, "ident": application_id}
