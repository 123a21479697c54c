# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Flags for unusual access, found in the audit trail.

The services already flag every referral on another legal basis than
consent and every withdrawn or expired consent. Here we look at reads:

- a user who read far more residents in one day than they usually do;
- reads of residents' data outside office hours;
- an administrator (functioneel beheerder) who read a referral of an
  organisation they do not work for;
- a user refused many times within a short while (UNUSUAL_REFUSALS within
  UNUSUAL_REFUSALS_MINUTES): someone trying ids, or a broken link worth a look.

Running it twice for the same day adds nothing new. A leaver's refused attempt
is flagged at once, when it happens (`flag_leaver_attempt`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.models import Membership
from audit.models import AuditEntry, AuditReason, PrivacyFlag
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Organisation
from policies.roles import Role
from referrals.models import Referral

if TYPE_CHECKING:
    from audit.services.refusals import Refusal


@dataclass(frozen=True)
class Thresholds:
    # Office hours, local time (Europe/Amsterdam), Monday to Friday.
    office_opens: time = time(7, 0)
    office_closes: time = time(19, 0)
    # "Far more than usual": at least this many residents, and this many times
    # the user's daily average over the baseline period.
    many_minimum: int = 15
    many_factor: float = 3.0
    baseline_days: int = 28
    # "Many refusals": this many refused attempts by one user within this many minutes.
    refusals_minimum: int = field(default_factory=lambda: settings.UNUSUAL_REFUSALS)
    refusals_window: timedelta = field(default_factory=lambda: timedelta(minutes=settings.UNUSUAL_REFUSALS_MINUTES))


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def _reads() -> QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS)
        .exclude(pseudonym="")
        .exclude(processing_activity="audit_review")
    )


def _flag(
    kind: str,
    *,
    actor_id: int | None,
    day: date,
    key: str,
    organisation_id: int | None = None,
    referral_id: int | None = None,
    pseudonym: str = "",
    **details: Any,
) -> PrivacyFlag | None:
    """One flag per (kind, key); the key makes a second run for the same day add nothing."""
    if PrivacyFlag.objects.filter(kind=kind, details__key=key).exists():
        return None
    return PrivacyFlag.objects.create(
        kind=kind,
        actor_id=actor_id,
        organisation_id=organisation_id,
        referral_id=referral_id,
        pseudonym=pseudonym,
        details={"key": key, "day": day.isoformat(), **details},
    )


def _many_residents(day: date, limits: Thresholds) -> list[PrivacyFlag | None]:
    start, end = _bounds(day)
    today = dict(
        _reads()
        .filter(timestamp__gte=start, timestamp__lt=end, actor__isnull=False)
        .values_list("actor")
        .annotate(n=Count("pseudonym", distinct=True))
    )
    if not today:
        return []
    per_day = (
        _reads()
        .filter(timestamp__gte=start - timedelta(days=limits.baseline_days), timestamp__lt=start, actor_id__in=today)
        .annotate(day=TruncDate("timestamp"))
        .values_list("actor", "day")
        .annotate(n=Count("pseudonym", distinct=True))
    )
    totals: defaultdict[int, int] = defaultdict(int)
    for actor_id, _, n in per_day:
        totals[actor_id] += n
    flags = []
    for actor_id, count in today.items():
        usual = totals[actor_id] / limits.baseline_days
        if count >= limits.many_minimum and count >= limits.many_factor * usual:
            flags.append(
                _flag(
                    PrivacyFlag.Kind.MANY_RESIDENTS,
                    actor_id=actor_id,
                    day=day,
                    key=f"many:{actor_id}:{day}",
                    residents=count,
                    usual_per_day=round(usual, 1),
                )
            )
    return flags


def _outside_hours(day: date, limits: Thresholds) -> list[PrivacyFlag | None]:
    start, end = _bounds(day)
    per_actor = defaultdict(set)
    organisation = {}
    for actor_id, org_id, pseudonym, moment in (
        _reads()
        .filter(timestamp__gte=start, timestamp__lt=end)
        .values_list("actor", "organisation", "pseudonym", "timestamp")
    ):
        local = timezone.localtime(moment)
        if local.weekday() >= 5 or not (limits.office_opens <= local.time() < limits.office_closes):
            per_actor[actor_id].add(pseudonym)
            organisation[actor_id] = org_id
    return [
        _flag(
            PrivacyFlag.Kind.OUTSIDE_HOURS,
            actor_id=actor_id,
            day=day,
            key=f"hours:{actor_id}:{day}",
            organisation_id=organisation[actor_id],
            residents=len(pseudonyms),
            pseudonym=next(iter(pseudonyms)) if len(pseudonyms) == 1 else "",
        )
        for actor_id, pseudonyms in per_actor.items()
    ]


def _admin_reads(day: date) -> list[PrivacyFlag | None]:
    start, end = _bounds(day)
    admins = set(Membership.objects.filter(role=Role.ADMIN).values_list("user_id", flat=True))
    if not admins:
        return []
    reads = list(
        _reads()
        .filter(
            timestamp__gte=start,
            timestamp__lt=end,
            actor_id__in=admins,
            content_type=ContentType.objects.get_for_model(Referral),
        )
        .values_list("id", "actor", "object_id", "pseudonym")
    )
    parties = {
        pk: {a, b}
        for pk, a, b in Referral.objects.filter(pk__in={r[2] for r in reads}).values_list(
            "pk", "from_organisation", "to_organisation"
        )
    }
    works_at = defaultdict(set)
    for user_id, org_id in Membership.objects.filter(user_id__in=admins).values_list("user_id", "organisation_id"):
        works_at[user_id].add(org_id)
    return [
        _flag(
            PrivacyFlag.Kind.ADMIN_READ,
            actor_id=actor_id,
            day=day,
            key=f"admin:{entry_id}",
            referral_id=referral_id,
            pseudonym=pseudonym,
            entry=entry_id,
        )
        for entry_id, actor_id, referral_id, pseudonym in reads
        if not works_at[actor_id] & parties.get(referral_id, set())
    ]


def _most_in_window(moments: list[datetime], window: timedelta, start: datetime) -> tuple[int, datetime | None]:
    """The most `moments` (sorted) within one `window` that ends on or after `start`, and when that window began."""
    best, began, first = 0, None, 0
    for last, moment in enumerate(moments):
        while moment - moments[first] >= window:
            first += 1
        if moment >= start and last - first + 1 > best:
            best, began = last - first + 1, moments[first]
    return best, began


def _many_refusals(day: date, limits: Thresholds) -> list[PrivacyFlag | None]:
    start, end = _bounds(day)
    # From one window before the day: a burst across midnight counts on the day it ends.
    per_actor: defaultdict[int, list[datetime]] = defaultdict(list)
    for actor_id, moment in (
        AuditEntry.objects.filter(
            action=AuditEntry.Action.REFUSED,
            actor__isnull=False,
            timestamp__gte=start - limits.refusals_window,
            timestamp__lt=end,
        )
        .order_by("timestamp", "id")
        .values_list("actor", "timestamp")
    ):
        per_actor[actor_id].append(moment)
    flags = []
    for actor_id, moments in per_actor.items():
        count, began = _most_in_window(moments, limits.refusals_window, start)
        if count >= limits.refusals_minimum and began is not None:
            flags.append(
                _flag(
                    PrivacyFlag.Kind.MANY_REFUSALS,
                    actor_id=actor_id,
                    day=day,
                    key=f"refusals:{actor_id}:{day}",
                    refusals=count,
                    minutes=int(limits.refusals_window.total_seconds() // 60),
                    from_time=timezone.localtime(began).strftime("%H:%M"),
                )
            )
    return flags


def flag_leaver_attempt(*, refusal: Refusal, route: str, entry_id: int) -> PrivacyFlag | None:
    """A leaver tried a page their ended membership would have opened: flag it now (once per object a day).

    Called by audit.services.refusals inside its transaction, with the refused entry just written.
    """
    from directory.models import Organisation

    day = timezone.localdate()
    object_name = f"{refusal.model._meta.model_name}:{refusal.key}"
    organisation = (
        Organisation.objects.filter(pk=refusal.leaver_organisation_id or 0).values_list("name", flat=True).first()
    )
    with audit_context(activity="audit_review", reason=AuditReason.LEAVER_ATTEMPT_FLAGGED):
        return _flag(
            PrivacyFlag.Kind.LEAVER_ATTEMPT,
            actor_id=refusal.actor_id,
            day=day,
            key=f"leaver:{refusal.actor_id}:{object_name}:{day}",
            organisation_id=refusal.leaver_organisation_id,
            referral_id=refusal.key if refusal.model is Referral and isinstance(refusal.key, int) else None,
            pseudonym=refusal.pseudonym,
            reden=(
                f"lidmaatschap bij {organisation or '?'} ({refusal.leaver_role}) is beëindigd; "
                f"toch geprobeerd te openen: {object_name} op {route or '-'}"
            ),
            entry=entry_id,
        )


@audited()
def detect_unusual_access(*, day: date, limits: Thresholds | None = None) -> list[PrivacyFlag]:
    """Flag the unusual reads of one day (all or none); returns the new flags."""
    limits = limits or Thresholds()
    with audit_context(activity="audit_review", reason=AuditReason.UNUSUAL_ACCESS_FLAGGED):
        found = [
            *_many_residents(day, limits),
            *_outside_hours(day, limits),
            *_admin_reads(day),
            *_many_refusals(day, limits),
        ]
    return [flag for flag in found if flag is not None]


@audited()
def flag_review(*, pk: int, actor: User, organisation: Organisation | None) -> PrivacyFlag | None:
    """The privacy officer has looked at a flag. Doing it twice changes nothing; None if there is no such flag."""
    with audit_context(
        activity="audit_review",
        organisation=organisation,
        role=Role.PRIVACY_OFFICER,
        reason=AuditReason.FLAG_REVIEWED,
        actor=actor,
    ):
        flag = PrivacyFlag.objects.select_for_update().filter(pk=pk).first()
        if flag is not None and flag.reviewed_at is None:
            flag.reviewed_at = timezone.now()
            flag.reviewed_by = actor
            flag.save(update_fields=["reviewed_at", "reviewed_by"])
    return flag
