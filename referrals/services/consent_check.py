# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""May this referral share data with its receiver? Consent, or another legal basis."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from directory.models import Organisation
from policies.data_categories import SPECIAL_CATEGORIES, DataCategory
from referrals.models import Consent, LegalBasis, Referral, Resident
from referrals.services.errors import ActionRefused

MIN_JUSTIFICATION_LENGTH = 20


def _labels(codes: Iterable[str]) -> str:
    return ", ".join(str(DataCategory(c).label).lower() for c in sorted(codes))


def require_legal_ground(referral: Referral) -> Consent | None:
    """The consent that covers `referral`, or None for a justified other basis.

    Raises ActionRefused naming exactly what is missing.
    """
    if referral.legal_basis != LegalBasis.CONSENT:
        if len(referral.legal_basis_justification.strip()) < MIN_JUSTIFICATION_LENGTH:
            raise ActionRefused(
                _("Bij de grondslag ‘%(basis)s’ is een schriftelijke onderbouwing verplicht (minstens %(n)s tekens).")
                % {"basis": referral.get_legal_basis_display(), "n": MIN_JUSTIFICATION_LENGTH},
                field="legal_basis_justification",
            )
        special = set(referral.shared_data) & SPECIAL_CATEGORIES
        if special and referral.legal_basis == LegalBasis.STATUTORY_TASK:
            raise ActionRefused(
                _("Gezondheidsgegevens delen kan alleen met toestemming, bij vitaal belang of via de meldcode."),
                field="shared_data",
            )
        return None
    return covering_consent(referral.case.resident, referral.to_organisation, referral.shared_data)


def covering_consent(
    resident: Resident, organisation: Organisation, shared_data: Iterable[str], day: date | None = None
) -> Consent:
    day = day or timezone.localdate()
    needed = set(shared_data)
    consents = list(Consent.objects.filter(resident=resident).current().prefetch_related("recipients"))
    if not consents:
        raise ActionRefused(_("Er is geen toestemming van de inwoner vastgelegd. Leg eerst toestemming vast."))
    naming = [c for c in consents if organisation in c.recipients.all()]
    if not naming:
        raise ActionRefused(
            _("De toestemming van de inwoner noemt %(org)s niet als ontvanger.") % {"org": organisation}
        )
    valid = [c for c in naming if c.withdrawn_at is None and c.valid_from <= day <= c.valid_until]
    if not valid:
        latest = max(naming, key=lambda c: c.created_at)
        if latest.withdrawn_at:
            raise ActionRefused(
                _("De inwoner heeft de toestemming voor %(org)s ingetrokken op %(date)s.")
                % {"org": organisation, "date": formats.date_format(timezone.localtime(latest.withdrawn_at).date())}
            )
        if latest.valid_until < day:
            raise ActionRefused(
                _("De toestemming voor %(org)s is verlopen op %(date)s.")
                % {"org": organisation, "date": formats.date_format(latest.valid_until)}
            )
        raise ActionRefused(
            _("De toestemming voor %(org)s geldt pas vanaf %(date)s.")
            % {"org": organisation, "date": formats.date_format(latest.valid_from)}
        )
    for consent in sorted(valid, key=lambda c: c.created_at, reverse=True):
        if needed <= set(consent.data_categories):
            return consent
    best = max(valid, key=lambda c: len(needed & set(c.data_categories)))
    missing = needed - set(best.data_categories)
    raise ActionRefused(
        _("De toestemming dekt niet alle gegevens die u wilt delen. Ontbreekt: %(missing)s.")
        % {"missing": _labels(missing)},
        field="shared_data",
    )
