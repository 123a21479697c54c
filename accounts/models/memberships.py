# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who works where, in which role: every permission is derived from an active membership."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from policies.roles import Role


class MembershipQuerySet(models.QuerySet["Membership"]):
    def active(self, on: date | None = None) -> MembershipQuerySet:
        """Memberships that give permissions on `on` (today): confirmed, not ended, within their dates."""
        day = on or timezone.localdate()
        return self.filter(confirmed_at__isnull=False, ended_at__isnull=True).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        )

    def pending(self) -> MembershipQuerySet:
        """Waiting for a second person to confirm them (four eyes): they give nothing yet."""
        return self.filter(confirmed_at__isnull=True, ended_at__isnull=True)

    def lapsed(self, on: date | None = None) -> MembershipQuerySet:
        """Past their end date, or of a deactivated user, while their work was not handed back yet."""
        day = on or timezone.localdate()
        return self.filter(ended_at__isnull=True).filter(Q(valid_until__lt=day) | Q(user__is_active=False))


class Membership(models.Model):
    """A user works for an organisation in one role; roles give permissions.

    A membership counts once it is confirmed (accounts.services.memberships: a role with access
    to case content needs a second person) and until it ends (its end date passes, or it is
    ended, which hands its open work back to the organisation).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    # Signallers (volunteers, students) get access that runs out; a leaver's last day.
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True, editable=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    # Set when the work was handed back (accounts.services.memberships.membership_end).
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True, editable=False)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        db_table = "referrals_membership"
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            # Ended memberships stay as history; someone who comes back gets a new one (confirmed anew).
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                condition=Q(ended_at__isnull=True),
                name="unique_current_membership",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} @ {self.organisation}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The organisation's group carries the organisation's grants (django-guardian): a
        # pending membership does not join it yet, an ended one leaves it (membership_end).
        if self.confirmed_at is not None and self.ended_at is None:
            self.user.groups.add(self.organisation.group)

    def delete(self, *args, **kwargs):
        user, org = self.user, self.organisation
        result = super().delete(*args, **kwargs)
        if not Membership.objects.filter(
            user=user, organisation=org, confirmed_at__isnull=False, ended_at=None
        ).exists():
            user.groups.remove(org.group)
        return result

    @property
    def is_pending(self) -> bool:
        return self.confirmed_at is None and self.ended_at is None

    @property
    def is_ended(self) -> bool:
        return self.ended_at is not None

    def is_active_on(self, day: date) -> bool:
        return (
            self.confirmed_at is not None
            and self.ended_at is None
            and (self.valid_until is None or self.valid_until >= day)
        )
