# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Recording and withdrawing a resident's consent."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.selectors.actor import actor_for
from audit.models import AuditReason, PrivacyFlag
from audit.services.sealing import audited
from audit.services.trail import audit_context
from directory.models import Organisation
from policies.cases import case_policy
from policies.data_categories import DataCategory
from referrals.models import Case, Consent, FollowUp, Notification, Referral, Resident, State, StopReason
from referrals.models.notices import notice_text
from referrals.services import grants
from referrals.services.errors import ActionRefused
from referrals.services.notifications import notify

_RELYING_STATES = (State.DRAFT, State.SENT, State.ACCEPTED, State.IN_PROGRESS)
FOLLOW_UP_AFTER_WITHDRAWAL = timedelta(days=7)


@audited()
def consent_record(
    *,
    case: Case,
    actor: User,
    organisation: Organisation,
    purpose: str,
    recipients: Collection[Organisation],
    data_categories: Collection[str],
    given_how: str,
    informed_language: str,
    valid_until: date,
    valid_from: date | None = None,
    replaces: Consent | None = None,
    resident: Resident | None = None,
) -> Consent:
    """A new consent record. A change is a new record that replaces the old one.

    `resident`: a household member of the case giving their own consent (default: the hulpvrager).
    """
    if not case_policy.may_record_consent(actor_for(actor), case):
        raise ActionRefused(_("Alleen de regisseur of een verwijzer van de casus kan toestemming vastleggen."))
    resident = resident or case.resident
    if resident.pk != case.resident_id and not case.household.filter(pk=resident.pk).exists():
        raise ActionRefused(_("Deze persoon hoort niet (meer) bij het gezin van deze casus."))
    valid_from = valid_from or timezone.localdate()
    if not purpose.strip():
        raise ActionRefused(_("Beschrijf waarvoor de inwoner toestemming geeft."), field="purpose")
    if not recipients:
        raise ActionRefused(_("Kies de organisaties waarmee gedeeld mag worden."), field="recipients")
    if not data_categories or set(data_categories) - set(DataCategory.values):
        raise ActionRefused(_("Kies welke gegevens gedeeld mogen worden."), field="data_categories")
    if given_how not in Consent.GivenHow.values:
        raise ActionRefused(_("Kies hoe de toestemming is gegeven."), field="given_how")
    if valid_until < valid_from:
        raise ActionRefused(_("De einddatum ligt vóór de begindatum."), field="valid_until")
    if replaces is not None:
        replaces = Consent.objects.select_for_update().get(pk=replaces.pk)
        if replaces.resident_id != resident.pk or Consent.objects.filter(replaces=replaces).exists():
            raise ActionRefused(_("Deze toestemming is al vervangen; wijzig de nieuwste versie."))
    with audit_context(actor=actor, activity="consent", organisation=organisation):
        consent = Consent(
            resident=resident,
            data_categories=sorted(set(data_categories)),
            given_how=given_how,
            informed_language=informed_language,
            recorded_by=actor,
            recorded_by_organisation=organisation,
            valid_from=valid_from,
            valid_until=valid_until,
            replaces=replaces,
        )
        consent.purpose = purpose.strip()
        consent.save()
        consent.recipients.set(recipients)
        if replaces is not None:
            _move_referrals(replaces, consent)
    return consent


def _move_referrals(old: Consent, new: Consent) -> None:
    """Referrals that relied on the replaced record follow the new one, if it still covers them."""
    recipients = set(new.recipients.values_list("pk", flat=True))
    valid_now = new.valid_from <= timezone.localdate() <= new.valid_until
    for referral in (
        Referral.objects.filter(consent=old, state__in=_RELYING_STATES).select_related("to_organisation").order_by("pk")
    ):
        if (
            valid_now
            and referral.to_organisation_id in recipients
            and set(referral.shared_data) <= set(new.data_categories)
        ):
            referral.consent = new
            referral.consent_expired_at = None
            referral.save(update_fields=["consent", "consent_expired_at"])
        else:
            from referrals.services.referrals import stop_within

            stop_within(referral, reason=StopReason.CONSENT_WITHDRAWN)


@audited()
def consent_withdraw(*, consent: Consent, actor: User, organisation: Organisation, reason: str) -> Consent:
    """The resident withdraws: every referral relying on it stops, receivers lose access at once."""
    from referrals.services.referrals import stop_within

    consent = Consent.objects.select_for_update().select_related("resident").get(pk=consent.pk)
    if consent.withdrawn_at:
        raise ActionRefused(_("Deze toestemming is al ingetrokken."))
    if Consent.objects.filter(replaces=consent).exists():
        raise ActionRefused(_("Deze toestemming is vervangen; trek de nieuwste versie in."))
    if not consent.resident.cases.filter(pk__in=_cases_of(actor)).exists():
        raise ActionRefused(_("Alleen de regisseur of een verwijzer van de casus kan toestemming intrekken."))
    with audit_context(
        actor=actor, activity="consent", organisation=organisation, reason=AuditReason.CONSENT_WITHDRAWN
    ):
        consent.withdrawn_at = timezone.now()
        consent.withdrawn_by = actor
        consent.withdrawn_reason = (reason or "").strip()
        consent.save()
        stopped = 0
        for referral in Referral.objects.filter(consent=consent, state__in=_RELYING_STATES).order_by("pk"):
            stop_within(referral, reason=StopReason.CONSENT_WITHDRAWN)
            stopped += 1
        # Closed referrals keep their grants for the reopen window; a withdrawal
        # ends that at once: "de andere organisatie kan uw gegevens niet meer zien".
        for referral in Referral.objects.filter(consent=consent, state=State.CLOSED):
            grants.revoke_all(referral)
        # The resident said stop: the regisseur checks soon how to go on (another way, or not at all).
        for case in consent.resident.cases.filter(status=Case.Status.OPEN):
            FollowUp.objects.create(
                case=case,
                owner=case.regisseur,
                kind=FollowUp.Kind.WITHDRAWN,
                due_on=timezone.localdate() + FOLLOW_UP_AFTER_WITHDRAWAL,
            )
        PrivacyFlag.objects.create(
            kind=PrivacyFlag.Kind.CONSENT_WITHDRAWN,
            pseudonym=consent.resident.pseudonym,
            actor=actor,
            organisation=organisation,
            details={"consent": consent.pk, "referrals_stopped": stopped},
        )
    return consent


def _cases_of(user: AbstractBaseUser) -> QuerySet[Case, dict[str, Any]]:
    return case_policy.filter(actor_for(user), Case.objects.all()).values("pk")


@audited()
def consents_expire(*, today: date | None = None) -> int:
    """Flag open referrals whose consent has run out (safe to run daily, and twice)."""
    today = today or timezone.localdate()
    flagged = 0
    referrals = Referral.objects.filter(
        consent__valid_until__lt=today, consent_expired_at__isnull=True, state__in=_RELYING_STATES
    ).select_related("case__resident", "consent")
    with audit_context(activity="consent", reason=AuditReason.CONSENT_EXPIRED):
        for referral in referrals:
            referral.consent_expired_at = timezone.now()
            referral.save(update_fields=["consent_expired_at"])
            PrivacyFlag.objects.create(
                kind=PrivacyFlag.Kind.CONSENT_EXPIRED,
                pseudonym=referral.audit_pseudonym(),
                referral=referral,
                details={"consent": referral.consent_id},
            )
            notify(
                [referral.from_user, referral.assignee, referral.case.regisseur],
                Notification.Kind.CONSENT_EXPIRED,
                notice_text(
                    gettext_noop(
                        "De toestemming bij verwijzing %(ref)s is verlopen. Vraag de inwoner om nieuwe toestemming."
                    ),
                    {"ref": referral},
                ),
                referral=referral,
            )
            flagged += 1
    return flagged
