# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A POST that creates something is done once per `Idempotency-Key`, even when two arrive at once.

The pages' guard against double submits (referrals.services.once), with the client's key as the
form's token: the first call claims the key (committed before the work), does the work and records
where the result lives; a repeat — a retry after a lost answer, or the same call at the same moment
— waits for that and answers the same result instead of creating a second one. When the work fails
(invalid input, a refusal, a possible existing case) the key is given back, so the client can send
the corrected call with the same key.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from api.problems import ActionNotPossible
from referrals.services import once

HEADER = "Idempotency-Key"
# What referrals.models.OnceToken holds (and what a uuid4 looks like, with or without hyphens).
_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")

IDEMPOTENCY_KEY = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    required=True,
    pattern=_KEY.pattern,
    description=(
        "A key of the client's own choosing (e.g. a uuid4), new for every new thing to create. "
        "Sending the same call again with the same key creates nothing new: it answers the first result."
    ),
)


def once_per_key(
    request: Request, *, work: Callable[[], tuple[Response, str]], replay: Callable[[str], Response]
) -> Response:
    """`work()` once for the client's key: (its response, the path of what it made); a repeat gets `replay(path)`."""
    key = request.headers.get(HEADER, "")
    if not _KEY.fullmatch(key):
        raise serializers.ValidationError(
            {HEADER: [_("Geef een eigen sleutel mee (8 tot 64 letters, cijfers, - of _), nieuw per aanvraag.")]}
        )
    claim = once.claim_token(user=request.user, token=key)
    if claim.claim_id is None:
        if claim.result_url:
            return replay(claim.result_url)
        raise ActionNotPossible(
            _("Een aanvraag met deze sleutel wordt nog verwerkt. Vraag het resultaat zo meteen opnieuw op."),
            code="in_progress",
        )
    finished = False
    try:
        response, path = work()
        once.finish(claim_id=claim.claim_id, result_url=path)
        finished = True
        return response
    finally:
        if not finished:
            once.release(claim_id=claim.claim_id)
