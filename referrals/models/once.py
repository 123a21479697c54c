# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A form's one-time token, claimed by the first POST that carries it (see referrals/views/once.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class OnceToken(models.Model):
    """One row per submitted form: unique per user and token, so only one POST can insert it.

    While `result_url` is empty the first POST is still at work; once it has succeeded, the
    page it sent the user to. A failed POST deletes its row, so the same form can be sent again.
    No personal data: the token is random and the URL holds ids only.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64)
    result_url = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="once_token_unique_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.token}"
