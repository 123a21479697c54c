# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""One-time form tokens: a double submit does nothing twice, even when the two POSTs overlap.

Each form carries a fresh token (OnceForm.form_token). A view asks `already_done(request)`
before the work: that claims the token in the database (referrals/services/once.py), or,
when another POST of the same form has it, waits for that one and redirects to the page it
sent the user to. `done(request, url)` records that page. A POST that claimed the token and
did not call `done` (a form error, a refusal, an exception) gives it back in
ReleaseUnfinishedClaimMiddleware, so the form, as typed, can be sent again.
"""

import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext as _

from referrals.services import once

# What OnceForm puts in the form (a uuid4 in hex); anything else is no token at all.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
_CLAIM = "_once_claim_id"


def already_done(request: HttpRequest) -> HttpResponseRedirect | None:
    """None: this request does the work. Otherwise where to send the user (the first submit's result)."""
    token = request.POST.get("form_token", "")
    if not _TOKEN.fullmatch(token) or not request.user.is_authenticated:
        return None
    claim = once.claim_token(user=request.user, token=token)
    if claim.claim_id is not None:
        setattr(request, _CLAIM, claim.claim_id)
        return None
    if claim.result_url:
        return HttpResponseRedirect(claim.result_url)
    messages.info(request, _("Dit formulier is al verstuurd en wordt nog verwerkt. Kijk zo meteen of het gelukt is."))
    return HttpResponseRedirect(request.get_full_path())


def done(request: HttpRequest, url: str) -> HttpResponseRedirect:
    """Record `url` as the result of this POST's token, and redirect to it."""
    claim_id = getattr(request, _CLAIM, None)
    if claim_id is not None:
        once.finish(claim_id=claim_id, result_url=url)
        setattr(request, _CLAIM, None)
    return HttpResponseRedirect(url)


class ReleaseUnfinishedClaimMiddleware:
    """Gives a claimed token back when its POST ended without `done`: the user may send it again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            claim_id = getattr(request, _CLAIM, None)
            if claim_id is not None:
                once.release(claim_id=claim_id)
