# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A case's consents as the regisseur or referrer changes them: history, and what a change stops.

Before a consent is withdrawn or narrowed, the person doing it sees what that does: which open
referrals stop and which organisations lose access to the resident's data. The same rules as
referrals.services.consent apply (a referral follows a new record only if the record still
covers its organisation and the data it shares).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organisation
from referrals.models import OPEN_STATES, Case, Consent, Referral, State
from referrals.selectors.access import case_for


@dataclass(frozen=True)
class ConsentEffects:
    """What withdrawing (or narrowing) a consent does."""

    stops: list[Referral] = field(default_factory=list)  # open referrals that stop
    loses_access: list[str] = field(default_factory=list)  # organisations that can no longer read
    removed_recipients: list[str] = field(default_factory=list)  # a change: recipients left out
    removed_data: list[str] = field(default_factory=list)  # a change: data categories left out

    @property
    def narrows(self) -> bool:
        return bool(self.stops or self.removed_recipients or self.removed_data)


def consent_to_change(user: AbstractBaseUser, case_pk: int, consent_pk: int) -> tuple[Case, Consent]:
    """The case (only for who may record its consent) and one consent of its resident; else 404.

    The pages show the consent's purpose, which can name people: the view is logged.
    """
    case = case_for(user, case_pk, action="record_consent", shows=("consent_purpose",))
    consent = Consent.objects.filter(pk=consent_pk, resident_id=case.resident_id).prefetch_related("recipients").first()
    if consent is None:
        raise Http404
    return case, consent


def consent_history(case: Case) -> list[Consent]:
    """Every consent of the case's resident, newest first, each with a `status` to show."""
    today = timezone.localdate()
    consents = list(
        Consent.objects.filter(resident_id=case.resident_id)
        .select_related("replaced_by")
        .prefetch_related("recipients")
        .order_by("-created_at", "-pk")
    )
    for consent in consents:
        consent.status = _status(consent, today)
        consent.status_label = _STATUS_LABELS[consent.status]
    return consents


_STATUS_LABELS = {
    "withdrawn": _("ingetrokken"),
    "replaced": _("vervangen door een nieuwere versie"),
    "expired": _("verlopen"),
    "future": _("nog niet geldig"),
    "valid": _("geldig"),
}


def _status(consent: Consent, today: date) -> str:
    if consent.withdrawn_at:
        return "withdrawn"
    if getattr(consent, "replaced_by", None) is not None:
        return "replaced"
    if consent.valid_until < today:
        return "expired"
    if consent.valid_from > today:
        return "future"
    return "valid"


def withdrawal_effects(consent: Consent) -> ConsentEffects:
    """Withdrawing stops every open referral on it; closed ones lose their grants too."""
    relying = list(
        Referral.objects.filter(consent=consent, state__in=(*OPEN_STATES, State.CLOSED))
        .select_related("to_organisation")
        .order_by("pk")
    )
    return ConsentEffects(
        stops=[r for r in relying if r.state in OPEN_STATES],
        loses_access=sorted({r.to_organisation.name for r in relying}),
    )


def change_effects(
    consent: Consent, *, recipients: Collection[Organisation], data_categories: Collection[str]
) -> ConsentEffects:
    """What a new record with these recipients and data does to the referrals on the old one."""
    from policies.data_categories import DataCategory

    kept = {organisation.pk for organisation in recipients}
    labels = dict(DataCategory.choices)
    stops = [
        referral
        for referral in Referral.objects.filter(consent=consent, state__in=OPEN_STATES)
        .select_related("to_organisation")
        .order_by("pk")
        if referral.to_organisation_id not in kept or not set(referral.shared_data) <= set(data_categories)
    ]
    return ConsentEffects(
        stops=stops,
        loses_access=sorted({referral.to_organisation.name for referral in stops}),
        removed_recipients=sorted(o.name for o in consent.recipients.all() if o.pk not in kept),
        removed_data=[str(labels[c]) for c in consent.data_categories if c not in set(data_categories)],
    )
