# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Nobody falls through the cracks: the escalation ladder of a referral nobody answers.

A sent referral has a deadline (`respond_by`, the service's response time in working days;
urgent: 2). When it passes, the receiving organisation's coordinators are told; one working day
later the referrer and the regisseur are told as well and the referral shows as escalated on
their pages. `manage.py escalate_overdue` runs this; safe to run often, each step happens once.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from audit.services.sealing import audited
from audit.services.trail import audit_context
from policies.referrals import ESCALATE_TO_SENDER_AFTER_WORKING_DAYS
from policies.roles import Role
from policies.working_days import add_working_days
from referrals.models import EventName, Notification, Referral, ReferralEvent, State
from referrals.models.notices import notice_text
from referrals.services.notifications import notify, receiving_people

TO_RECEIVER, TO_SENDER = 1, 2


def escalation_due(referral: Referral, now: datetime) -> int:
    """How far up the ladder `referral` should be at `now` (0: not yet)."""
    if referral.state != State.SENT or referral.respond_by is None or now <= referral.respond_by:
        return 0
    to_sender = add_working_days(timezone.localtime(referral.respond_by), ESCALATE_TO_SENDER_AFTER_WORKING_DAYS)
    return TO_SENDER if now >= to_sender else TO_RECEIVER


def escalate_overdue(*, now: datetime | None = None) -> int:
    """Move every overdue referral up the ladder as far as is due; returns the steps taken."""
    now = now or timezone.now()
    pks = Referral.objects.filter(state=State.SENT, respond_by__lt=now, escalation__lt=TO_SENDER).values_list(
        "pk", flat=True
    )
    return sum(_escalate(pk, now) for pk in list(pks))


@audited()
def _escalate(pk: int, now: datetime) -> int:
    # Locked, and the level read again under the lock: two runs at once tell nobody twice, and
    # an accept in the same moment either comes first (nothing to escalate) or waits.
    referral = (
        Referral.objects.select_for_update(of=("self",), no_key=True)
        .select_related("case", "to_organisation", "from_user", "case__regisseur")
        .filter(pk=pk, state=State.SENT)
        .first()
    )
    if referral is None:
        return 0
    due = escalation_due(referral, now)
    if due <= referral.escalation:
        return 0
    organisation = referral.to_organisation
    deadline = timezone.localtime(referral.respond_by).strftime("%d-%m-%Y")
    with audit_context(activity="referral", organisation=organisation, reason=_("Reactietermijn verstreken")):
        if referral.escalation < TO_RECEIVER:
            coordinators = receiving_people(organisation, roles=[Role.COORDINATOR]) or receiving_people(organisation)
            notify(
                coordinators,
                Notification.Kind.ESCALATED,
                notice_text(
                    gettext_noop("Verwijzing %(ref)s wacht op een reactie; de termijn liep af op %(date)s."),
                    {"ref": referral, "date": deadline},
                ),
                referral=referral,
                event_key=f"escalation-{TO_RECEIVER}",
            )
        if due >= TO_SENDER:
            notify(
                [referral.from_user, referral.case.regisseur],
                Notification.Kind.ESCALATED,
                notice_text(
                    gettext_noop(
                        "%(org)s heeft verwijzing %(ref)s niet binnen de termijn (%(date)s) opgepakt; hun coördinator "
                        "is gewaarschuwd. Bel zo nodig zelf even."
                    ),
                    {"org": organisation, "ref": referral, "date": deadline},
                ),
                referral=referral,
                event_key=f"escalation-{TO_SENDER}",
            )
        steps = due - referral.escalation
        referral.escalation = due
        referral.escalated_at = now
        referral.save(update_fields=["escalation", "escalated_at"])
        ReferralEvent.objects.create(
            referral=referral,
            name=EventName.ESCALATE,
            from_state=referral.state,
            to_state=referral.state,
            at=now,
            details={"level": due},
        )
    return steps
