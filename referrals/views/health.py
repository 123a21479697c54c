# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from referrals.checks import CONFIGURATION, MISMATCH, key_problems

logger = logging.getLogger(__name__)

# What the load balancer (and anyone) reads: the kind of key problem, never which key or why;
# the operator finds the details in the log and in `manage.py check --deploy`.
_KEY_REASONS = {
    MISMATCH: "a master key differs from the key recorded for its id",
    CONFIGURATION: "the key configuration is refused",
}


@never_cache
@require_GET
def health(request):
    """For the load balancer: 200 when the database answers and the keys are right, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    try:
        problems = key_problems()
    except DatabaseError:
        logger.exception("health: the key checks could not be read")
        return JsonResponse({"status": "error", "database": "ok", "keys": "unreadable"}, status=503)
    if problems:
        logger.error("health: key problem: %s", " ".join(problem.message for problem in problems))
        reason = _KEY_REASONS[problems[0].kind]
        return JsonResponse({"status": "error", "database": "ok", "keys": "refused", "reason": reason}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "keys": "ok"})
