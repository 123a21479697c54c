# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""E-mail through the outbox (referrals.models.outbox): written with the notice, sent by the worker.

- `email_notice` writes the e-mail row (or the digest item) in the notice's own transaction: a
  rolled-back notice leaves nothing to send. After the commit a task sends it.
- `email_send` claims the row with one conditional UPDATE that moves `next_attempt_at` a lease
  ahead, so two workers never send it at once and a worker that dies halfway leaves it to be
  tried again. It is marked sent only after the mail server accepted it. A temporary failure
  (4xx, no connection, a time-out) leaves it waiting with a later next attempt (backoff, at most
  an hour apart); a permanent one (5xx, no address) gives it up.
- `emails_send_due` (every minute on the schedule) sends whatever is due: the retries, and any
  e-mail whose task was lost.
- `digests_write` (daily) writes each person's digest of the notices that waited for it.

Once the server accepted an e-mail, only a crash before the one UPDATE that records it can make
it go twice (after the lease); an outage of the mail server loses none and doubles none.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services.sealing import audited
from policies.notices import Delivery
from referrals.models import DigestItem, Email, Notification

logger = logging.getLogger(__name__)

FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)


def lease() -> timedelta:
    """How long a claimed e-mail is left alone: well beyond one SMTP conversation."""
    return timedelta(seconds=max(300, 4 * settings.EMAIL_TIMEOUT))


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed attempt: 1, 2, 4 … minutes, at most an hour."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def notice_link(notice: Notification) -> str:
    """The notice's page (it marks the notice read and leads to its referral or case)."""
    return settings.SITE_URL.rstrip("/") + reverse("notification_open", args=[notice.pk])


def email_notice(notice: Notification, how: Delivery) -> None:
    """Write `notice`'s e-mail (NOW) or put it aside for the digest (DIGEST), in the caller's
    transaction; the e-mail goes to the worker once that commits."""
    if how is Delivery.DIGEST:
        DigestItem.objects.create(notification=notice, recipient=notice.recipient)
    elif how is Delivery.NOW:
        email = Email.objects.create(
            recipient=notice.recipient,
            kind=Email.Kind.NOTICE,
            subject=_("Overdracht: %(message)s") % {"message": notice.message[:60]},
            body=render_to_string("emails/notice.txt", {"notice": notice, "link": notice_link(notice)}),
        )
        _send_after_commit(email)


def _send_after_commit(email: Email) -> None:
    from referrals.tasks import send_email

    # robust: the commit stands even if the queue cannot be written; the sweep sends it then.
    transaction.on_commit(lambda: send_email.enqueue(email.pk), robust=True)


def email_send(pk: int, *, now: datetime | None = None) -> bool:
    """Send e-mail `pk` if it is due and nobody else is sending it; True when the server accepted it."""
    now = now or timezone.now()
    claimed = Email.objects.filter(
        pk=pk, sent_at__isnull=True, given_up_at__isnull=True, next_attempt_at__lte=now
    ).update(next_attempt_at=now + lease(), attempts=F("attempts") + 1)
    if not claimed:
        return False
    email = Email.objects.select_related("recipient").get(pk=pk)
    if not email.recipient.email or not email.recipient.is_active:
        _give_up(email, "no address")
        return False
    message = EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.recipient.email])
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _text in error.recipients.values()]
        _failed(email, now, f"recipient refused {codes[0] if codes else ''}", permanent=all(c >= 500 for c in codes))
        return False
    except smtplib.SMTPResponseException as error:
        _failed(email, now, f"SMTP {error.smtp_code}", permanent=error.smtp_code >= 500)
        return False
    except (smtplib.SMTPException, OSError) as error:  # no connection, a time-out, a dropped line
        _failed(email, now, type(error).__name__, permanent=False)
        return False
    Email.objects.filter(pk=pk).update(sent_at=timezone.now(), last_error="")
    return True


def _failed(email: Email, now: datetime, error: str, *, permanent: bool) -> None:
    if permanent:
        _give_up(email, error)
        return
    retry_at = now + backoff(email.attempts)
    Email.objects.filter(pk=email.pk).update(next_attempt_at=retry_at, last_error=error[:200])
    logger.warning("E-mail %s not sent (%s), attempt %s; next attempt at %s", email.pk, error, email.attempts, retry_at)


def _give_up(email: Email, error: str) -> None:
    Email.objects.filter(pk=email.pk).update(given_up_at=timezone.now(), last_error=error[:200])
    logger.error("E-mail %s given up: %s", email.pk, error)


def emails_send_due(*, now: datetime | None = None) -> int:
    """Send every e-mail that is due (the retries, and any whose task was lost); returns how many went."""
    now = now or timezone.now()
    due = Email.objects.filter(sent_at__isnull=True, given_up_at__isnull=True, next_attempt_at__lte=now)
    return sum(email_send(pk, now=now) for pk in list(due.order_by("next_attempt_at").values_list("pk", flat=True)))


def digests_write(*, now: datetime | None = None) -> int:
    """Write today's digest for each person with notices waiting for one; returns how many were written.
    A person gets one digest a day: a second run the same day leaves new notices for tomorrow's."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    waiting = DigestItem.objects.order_by().values_list("recipient_id", flat=True).distinct()
    written = 0
    for recipient in User.objects.filter(pk__in=list(waiting)).order_by("pk"):
        try:
            written += _digest_for(recipient, day, now)
        except IntegrityError:  # another run wrote this person's digest a moment ago
            continue
    return written


@audited()
def _digest_for(recipient: User, day: date, now: datetime) -> int:
    if Email.objects.filter(recipient=recipient, kind=Email.Kind.DIGEST, digest_day=day).exists():
        return 0
    items = list(
        DigestItem.objects.select_for_update(of=("self",))
        .filter(recipient=recipient)
        .select_related("notification")
        .order_by("notification__created_at")
    )
    DigestItem.objects.filter(pk__in=[item.pk for item in items]).delete()
    # What the person already read in the service needs no e-mail.
    notices = [item.notification for item in items if item.notification.read_at is None]
    if not notices or not recipient.email:
        return 0
    email = Email.objects.create(
        recipient=recipient,
        kind=Email.Kind.DIGEST,
        digest_day=day,
        created_at=now,
        subject=_("Overdracht: %(count)s nieuwe berichten") % {"count": len(notices)},
        body=render_to_string(
            "emails/digest.txt",
            {
                "notices": [(notice, notice_link(notice)) for notice in notices],
                "inbox": settings.SITE_URL.rstrip("/") + reverse("notifications"),
            },
        ),
    )
    _send_after_commit(email)
    return 1


def emails_prune(*, before: datetime) -> int:
    """Remove e-mails sent or given up before `before` (the notices stay); returns how many."""
    done = Q(sent_at__lt=before) | Q(given_up_at__lt=before)
    deleted, _ = Email.objects.filter(done).delete()
    return deleted
