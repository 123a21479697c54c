# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Notifications to people. Never personal data."""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Parameters that are labels of ours (a decline or stop reason, an outcome, a role): translated when
# read. Every other parameter (a reference, an organisation, a service, a person, a date) is a name
# and stays as written, even where it reads like a word we translate ("Schuldhulp"). Pass a label as
# its choice's lazy label (DeclineReason(code).label), not get_FOO_display(), which is already in the
# actor's language.
LABEL_PARAMS = frozenset({"reason", "outcome", "role"})


class NoticeText(str):
    """A notice's text in Dutch (the stored `message`, which e-mail uses) that keeps its msgid and
    parameters too, so that each reader sees the notice in their own language (Notification.text)."""

    msgid: str = ""
    params: dict[str, str] = {}


def notice_text(msgid: str, params: dict) -> NoticeText:
    """`msgid` (marked with gettext_noop) filled with `params`, in Dutch: whoever acts, in whatever
    language, the notice is written in the service's language and translated when read."""
    with translation.override("nl"):
        values = {name: str(value) for name, value in params.items()}
        text = NoticeText(gettext(msgid) % values)
    text.msgid, text.params = msgid, values
    return text


class Notification(models.Model):
    """A message in the service; names the case reference, never the resident."""

    class Kind(models.TextChoices):
        """What the message is about, so it can be counted or filtered without reading its text."""

        NEW_REFERRAL = "new_referral", _("Nieuwe verwijzing")
        WITHDRAWN = "withdrawn", _("Verwijzing ingetrokken")
        ACCEPTED = "accepted", _("Verwijzing aangenomen")
        HANDED_OVER = "handed_over", _("Warm overgedragen")
        DECLINED = "declined", _("Verwijzing afgewezen")
        FORWARD_DECLINED = "forward_declined", _("Doorverwijzing afgewezen")
        IN_ADDITION = "in_addition", _("Partner erbij gevraagd")
        ESCALATED = "escalated", _("Reactietermijn verstreken")
        NOT_REACHED = "not_reached", _("Inwoner niet bereikt")
        ASSIGNED = "assigned", _("Aan u toegewezen")
        FIRST_CONTACT = "first_contact", _("Eerste contact")
        CLOSED = "closed", _("Verwijzing afgesloten")
        STOPPED = "stopped", _("Verwijzing gestopt")
        CONSENT_EXPIRED = "consent_expired", _("Toestemming verlopen")
        # When someone leaves (accounts.services.memberships.membership_end).
        RETURNED = "returned", _("Verwijzing terug bij de organisatie")
        REGISSEUR_NEEDED = "regisseur_needed", _("Nieuwe regisseur nodig")
        # The regisseur's tools (referrals.services.case_regie).
        REGIE_OFFERED = "regie_offered", _("Regie aangeboden")
        REGIE_ANSWERED = "regie_answered", _("Antwoord op aanbod van de regie")
        # A new membership waits for a second person (four eyes).
        MEMBERSHIP_TO_CONFIRM = "membership_confirm", _("Lidmaatschap te bevestigen")
        # Messages from before there were kinds.
        OTHER = "other", _("Anders")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    referral = models.ForeignKey(
        "referrals.Referral", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # A notice about a case without one referral (a new regisseur is needed): links to the case.
    case = models.ForeignKey("referrals.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    # Names the event a periodic job tells about (e.g. "escalation-1"): with the recipient and the
    # referral it is unique, so a job that runs twice, or twice at once, never tells anyone twice.
    event_key = models.CharField(max_length=40, blank=True)
    message = models.CharField(max_length=300)
    # The untranslated text and its parameters (see notice_text); empty on notices from before.
    message_id = models.CharField(max_length=300, blank=True)
    message_params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "referral", "event_key"],
                condition=~models.Q(event_key=""),
                name="one_notice_per_event",
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"], name="notice_unread")]

    def __str__(self) -> str:
        return self.message

    @property
    def text(self) -> str:
        """The notice in the reader's language, its LABEL_PARAMS translated too. Notices written
        before they kept their msgid stay as written (Dutch)."""
        if not self.message_id:
            return self.message
        params = {
            name: gettext(value) if name in LABEL_PARAMS and value else value
            for name, value in self.message_params.items()
        }
        try:
            return gettext(self.message_id) % params
        except (KeyError, TypeError, ValueError):  # a translation that lost a placeholder
            return self.message
