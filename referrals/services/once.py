# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""One-time form tokens: the first POST of a form claims its token before doing the work.

A double click sends the same form twice, at the same moment, to two workers. Each form
carries a token (OnceForm.form_token); a POST first inserts the row (user, token), unique,
in a transaction of its own that commits before the work starts. The one that inserts it
does the work and records the page it sent the user to; the other finds the row taken,
waits for that page and is sent there too. When the work fails (a form error, a refusal,
a crash) the row is deleted again, so the same form, as typed, can be sent once more.
"""

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from referrals.models import OnceToken

# How long a second submit waits for the first one's result before it is told "still at work".
WAIT_FOR_FIRST = timedelta(seconds=10)
# A claim this old without a result belongs to a request that died (a worker killed mid-way,
# its transaction rolled back): the same form may then be sent again.
ABANDONED_AFTER = timedelta(minutes=2)
# Long after anyone could still send that form again (a session ends after 30 idle minutes).
KEEP = timedelta(days=1)
_POLL_SECONDS = 0.05


@dataclass(frozen=True)
class Claim:
    """`claim_id` when this request does the work; otherwise the first one's `result_url`,
    empty when it is still at work after WAIT_FOR_FIRST."""

    claim_id: int | None = None
    result_url: str = ""


def claim_token(*, user: User, token: str) -> Claim:
    """Claim the token for this request, or wait for the request that has it."""
    while True:
        now = timezone.now()
        claim_id = _insert(user, token, now)
        if claim_id is not None:
            return Claim(claim_id=claim_id)
        first = OnceToken.objects.filter(user=user, token=token).values("pk", "result_url", "created_at").first()
        if first is None:
            continue  # the first one failed and gave the token back: this one does the work
        if first["result_url"]:
            return Claim(result_url=first["result_url"])
        age = now - first["created_at"]
        if age >= ABANDONED_AFTER and _take_over(first["pk"], first["created_at"], now):
            return Claim(claim_id=first["pk"])
        if age >= WAIT_FOR_FIRST:
            return Claim()
        time.sleep(_POLL_SECONDS)


def finish(*, claim_id: int, result_url: str) -> None:
    """The work is done (committed): a later submit of the token is sent to `result_url`."""
    OnceToken.objects.filter(pk=claim_id).update(result_url=result_url)


def release(*, claim_id: int) -> None:
    """The work failed: the token may be sent again."""
    OnceToken.objects.filter(pk=claim_id, result_url="").delete()


def _insert(user: User, token: str, now: datetime) -> int | None:
    """The new row's id, or None when another submit of the token has it."""
    try:
        # Durable: the claim must be committed (visible to the other request) before the work.
        with transaction.atomic(durable=True):
            OnceToken.objects.filter(created_at__lt=now - KEEP).delete()
            return OnceToken.objects.create(user=user, token=token, created_at=now).pk
    except IntegrityError:
        return None


def _take_over(claim_id: int, created_at: datetime, now: datetime) -> bool:
    # Conditional on the age read: of two requests taking over one abandoned claim, one wins.
    return OnceToken.objects.filter(pk=claim_id, result_url="", created_at=created_at).update(created_at=now) == 1
