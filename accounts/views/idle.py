# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Idle sessions end after SESSION_IDLE_MINUTES without writing the session on every page view.

Django's SESSION_SAVE_EVERY_REQUEST would write the session row on each request, so every read-only
page became a write (and queued behind the writing transactions). Here the session's expiry is
pushed forward at most once a minute: a session ends between SESSION_IDLE_MINUTES - 1 and
SESSION_IDLE_MINUTES after the user's last request.
"""

import time

REFRESHED_AT = "_idle_refreshed_at"
REFRESH_EVERY_SECONDS = 60


class IdleTimeoutMiddleware:
    """Marks the session modified when its expiry was last moved more than a minute ago.

    Must come after SessionMiddleware: the response passes here first, and SessionMiddleware then
    saves a modified session with a new expiry (now + SESSION_COOKIE_AGE).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # No stored session (anonymous, or just logged out): nothing to keep alive.
        if session is None or session.session_key is None or session.is_empty():
            return response
        now = int(time.time())
        if session.modified or now - session.get(REFRESHED_AT, 0) >= REFRESH_EVERY_SECONDS:
            session[REFRESHED_AT] = now
        return response


def refreshed_on_login(sender, request, user, **kwargs) -> None:
    """A new login is a fresh session: its first page views need not refresh it again."""
    if getattr(request, "session", None) is not None:
        request.session[REFRESHED_AT] = int(time.time())
