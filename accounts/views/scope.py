# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from accounts.selectors.actor import actor_scope


class ActorScopeMiddleware:
    """Who the user is (memberships, grants) is read once per request, not once per question."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with actor_scope():
            return self.get_response(request)
