# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A referral: one request for help handed from one partner to a service of another."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from directory.models import Category, Organisation, Service
from policies.working_days import add_working_days
from referrals.models import crypto
from referrals.models.base import Pseudonymised
from referrals.models.cases import Case
from referrals.models.consent import Consent, LegalBasis


class State(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SENT = "sent", _("Verstuurd")
    ACCEPTED = "accepted", _("Aangenomen")
    IN_PROGRESS = "in_progress", _("In behandeling")
    HANDED_OVER = "handed_over", _("Warm overgedragen")
    CLOSED = "closed", _("Afgesloten")
    DECLINED = "declined", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")
    STOPPED = "stopped", _("Gestopt")


OPEN_STATES = (State.DRAFT, State.SENT, State.ACCEPTED, State.IN_PROGRESS)
# States in which the receiving organisation is accountable for the resident.
RECEIVER_ACTIVE_STATES = (State.SENT, State.ACCEPTED, State.IN_PROGRESS)
ENDED_STATES = (State.HANDED_OVER, State.CLOSED, State.DECLINED, State.WITHDRAWN, State.STOPPED)


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normaal")
    URGENT = "urgent", _("Urgent (24–48 uur)")


class DeclineReason(models.TextChoices):
    NOT_TARGET_GROUP = "not_target_group", _("Niet onze doelgroep")
    NO_CAPACITY = "no_capacity", _("Geen capaciteit")
    ALREADY_KNOWN = "already_known", _("Al bekend bij ons")
    WRONG_SERVICE = "wrong_service", _("Verkeerde dienst")
    UNREACHABLE = "unreachable", _("Inwoner onbereikbaar")
    OTHER = "other", _("Anders")


class ContactWay(models.TextChoices):
    PHONE = "phone", _("Telefonisch")
    HOME_VISIT = "home_visit", _("Huisbezoek")
    WALK_IN = "walk_in", _("Inloopspreekuur")
    AT_SCHOOL = "at_school", _("Op school")
    WARM_INTRODUCTION = "warm_introduction", _("Warme kennismaking samen met verwijzer")
    OTHER = "other", _("Anders")


class Outcome(models.TextChoices):
    HELPED = "helped", _("Geholpen")
    PARTLY_HELPED = "partly_helped", _("Deels geholpen")
    HANDED_OVER = "handed_over", _("Overgedragen")
    RESIDENT_DECLINED = "resident_declined", _("Inwoner wilde geen hulp")
    NOT_REACHABLE = "not_reachable", _("Niet bereikt")
    OTHER = "other", _("Anders")


# What a forwarding partner can say its own part achieved, after the hand-over.
OWN_PART_OUTCOMES = (Outcome.HELPED, Outcome.PARTLY_HELPED, Outcome.OTHER)


class StopReason(models.TextChoices):
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Toestemming ingetrokken")
    PRIVACY_OFFICER = "privacy_officer", _("Gestopt door de privacyfunctionaris")
    RESIDENT_ERASED = "resident_erased", _("Gegevens van de inwoner gewist")


def _policy_permission(action):
    # django-fsm only consults `permission=` when asked (has_transition_perm);
    # the services check the same policy before every transition.
    def check(instance, user):
        from accounts.selectors.actor import actor_for
        from policies.referrals import referral_policy

        return referral_policy.can(actor_for(user), action, instance)

    return check


class Referral(Pseudonymised, ConcurrentTransitionMixin, models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="referrals")
    from_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="sent_referrals")
    from_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sent_referrals")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="referrals")
    # Denormalised from the service so inboxes filter on one indexed column.
    to_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="received_referrals")
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    # Erbij verwezen: sent from `parent` while its partner keeps helping. Accepting it does not
    # hand the parent over (a doorverwijzing, in_addition=False, does).
    in_addition = models.BooleanField(default=False)

    summary_ciphertext = models.TextField(blank=True)
    summary = crypto.EncryptedAttribute("summary_ciphertext")
    categories = models.ManyToManyField(Category, related_name="referrals", verbose_name=_("categorieën"))
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    shared_data = models.JSONField(_("gedeelde gegevens"), default=list)

    legal_basis = models.CharField(max_length=20, choices=LegalBasis.choices, default=LegalBasis.CONSENT)
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals")
    legal_basis_justification_ciphertext = models.TextField(blank=True)
    legal_basis_justification = crypto.EncryptedAttribute("legal_basis_justification_ciphertext")

    state = FSMField(default=State.DRAFT, choices=State.choices, protected=True, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="assigned_referrals"
    )

    decline_reason = models.CharField(max_length=20, choices=DeclineReason.choices, blank=True)
    decline_note_ciphertext = models.TextField(blank=True)
    decline_note = crypto.EncryptedAttribute("decline_note_ciphertext")
    first_contact_on = models.DateField(null=True, blank=True)
    first_contact_way = models.CharField(max_length=20, choices=ContactWay.choices, blank=True)
    first_contact_note_ciphertext = models.TextField(blank=True)
    first_contact_note = crypto.EncryptedAttribute("first_contact_note_ciphertext")
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_note_ciphertext = models.TextField(blank=True)
    outcome_note = crypto.EncryptedAttribute("outcome_note_ciphertext")
    stop_reason = models.CharField(max_length=20, choices=StopReason.choices, blank=True)

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The service's response time from the moment of sending (urgent: 2 days);
    # stored so inboxes can sort and filter "overdue" in SQL.
    respond_by = models.DateTimeField(null=True, blank=True, db_index=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The escalation ladder of a sent referral nobody answered (referrals.services.escalation):
    # 1 = past its deadline, the receiving coordinators were told; 2 = a working day later, the
    # referrer and the regisseur were told too. Stored so it happens once and lists can show it.
    escalation = models.PositiveSmallIntegerField(default=0)
    escalated_at = models.DateTimeField(null=True, blank=True)
    # Raised when the consent this referral relies on expires while it is open.
    consent_expired_at = models.DateTimeField(null=True, blank=True)

    # Not stored: set for one page by referrals.selectors.access.referral_for (declared for the type checker).
    fields: frozenset[str]
    allowed: frozenset[str]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        # No model-wide permissions for case workers: these exist only as
        # object permissions granted by the services (django-guardian).
        default_permissions = ("view",)
        permissions = [
            ("receive_referral", "Receive the referral in the organisation's inbox"),
            ("handle_referral", "Handle the referral as its assignee"),
        ]
        indexes = [
            models.Index(fields=["to_organisation", "state"]),
            # /verstuurd/: an organisation's referrals newest first, read a page at a time.
            models.Index(fields=["from_organisation", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference}/{self.pk}"

    def data_key(self) -> bytes:
        return self.case.data_key()

    def audit_pseudonym(self) -> str:
        return self.case.audit_pseudonym()

    def audit_resident(self):
        return self.case.resident

    @property
    def is_escalated(self) -> bool:
        """Escalated to the referrer and the regisseur, and still unanswered."""
        return self.escalation >= 2 and self.state == State.SENT

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def pending_child(self):
        """The hand-over the next partner has not answered yet (referrals in addition don't count)."""
        return self.children.filter(state=State.SENT, in_addition=False).first()

    @cached_property
    def has_pending_child(self) -> bool:
        """A forward that the next partner has not answered yet (one at a time)."""
        return self.children.filter(state=State.SENT, in_addition=False).exists()

    # --- Transitions. Side effects (permissions, audit, notifications) live in
    # referrals.services; these only move the state and stamp the times.

    @transition(state, source=State.DRAFT, target=State.SENT, permission=_policy_permission("send"))
    def send(self):
        self.sent_at = timezone.now()
        days = 2 if self.urgency == Urgency.URGENT else self.service.response_days
        # In the local calendar: a deadline falls on a Dutch working day, not on a UTC one.
        self.respond_by = add_working_days(timezone.localtime(self.sent_at), days)

    @transition(state, source=State.SENT, target=State.ACCEPTED, permission=_policy_permission("accept"))
    def accept(self, *, assignee):
        self.assignee = assignee
        self.accepted_at = timezone.now()

    @transition(state, source=State.SENT, target=State.DECLINED, permission=_policy_permission("decline"))
    def decline(self, *, reason, note):
        self.decline_reason = reason
        self.decline_note = note
        self.ended_at = timezone.now()

    @transition(
        state, source=[State.SENT, State.ACCEPTED], target=State.WITHDRAWN, permission=_policy_permission("withdraw")
    )
    def withdraw(self):
        self.ended_at = timezone.now()

    @transition(
        state, source=State.ACCEPTED, target=State.IN_PROGRESS, permission=_policy_permission("record_first_contact")
    )
    def record_first_contact(self, *, on, way, note=""):
        self.first_contact_on = on
        self.first_contact_way = way
        self.first_contact_note = note

    @transition(state, source=State.ACCEPTED, target=State.CLOSED, permission=_policy_permission("close_unreachable"))
    def close_unreachable(self):
        # Only after the service's agreed number of contact attempts (checked by the policy).
        self.outcome = Outcome.NOT_REACHABLE
        self.closed_at = timezone.now()
        self.ended_at = self.closed_at

    @transition(state, source=State.IN_PROGRESS, target=State.HANDED_OVER)
    def hand_over(self):
        # Only ever triggered by the next partner accepting the child referral.
        self.outcome = Outcome.HANDED_OVER
        self.ended_at = timezone.now()

    @transition(state, source=State.IN_PROGRESS, target=State.CLOSED, permission=_policy_permission("close"))
    def close(self, *, outcome, note):
        self.outcome = outcome
        self.outcome_note = note
        self.closed_at = timezone.now()
        self.ended_at = self.closed_at

    @transition(
        state, source=State.HANDED_OVER, target=State.HANDED_OVER, permission=_policy_permission("record_outcome")
    )
    def record_outcome(self, *, outcome, note):
        # After a hand-over the forwarding partner closes its own part: what its work achieved.
        self.outcome = outcome
        self.outcome_note = note
        self.closed_at = timezone.now()

    @transition(state, source=State.CLOSED, target=State.IN_PROGRESS, permission=_policy_permission("reopen"))
    def reopen(self):
        self.outcome = ""
        self.closed_at = None
        self.ended_at = None

    @transition(state, source=list(OPEN_STATES), target=State.STOPPED, permission=_policy_permission("stop"))
    def stop(self, *, reason):
        self.stop_reason = reason
        self.ended_at = timezone.now()


class ReferralUserObjectPermission(UserObjectPermissionBase):
    """Direct-foreign-key permission table (fast joins, cascades on delete)."""

    content_object = models.ForeignKey(Referral, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        pass


class ReferralGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Referral, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        pass


class EventName(models.TextChoices):
    """The names of a referral's events; the labels are what the case timeline shows."""

    CREATE = "create", _("verwijzing opgesteld")
    SEND = "send", _("verstuurd")
    ACCEPT = "accept", _("aangenomen")
    DECLINE = "decline", _("afgewezen")
    WITHDRAW = "withdraw", _("ingetrokken")
    ASSIGN = "assign", _("toegewezen")
    RECORD_FIRST_CONTACT = "record_first_contact", _("eerste contact")
    FORWARD = "forward", _("doorverwezen")
    REFER_IN_ADDITION = "refer_in_addition", _("erbij verwezen")
    CONTACT_ATTEMPT = "contact_attempt", _("contactpoging")
    CLOSE_UNREACHABLE = "close_unreachable", _("afgesloten: niet bereikt")
    RECORD_OUTCOME = "record_outcome", _("eigen deel afgesloten")
    ESCALATE = "escalate", _("termijn verstreken, geëscaleerd")
    HAND_OVER = "hand_over", _("warm overgedragen")
    CLOSE = "close", _("afgesloten")
    REOPEN = "reopen", _("heropend")
    STOP = "stop", _("gestopt")
    # The handler left: the referral is back with the receiving organisation, unassigned.
    RETURNED = "returned", _("terug bij de organisatie")


class ReferralEvent(Pseudonymised, models.Model):
    """What happened to a referral, for the case timeline. Codes only, no content."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    name = models.CharField(max_length=30, choices=EventName.choices)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    actor_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.referral_id} {self.name}"

    def audit_pseudonym(self) -> str:
        return self.referral.audit_pseudonym()


class ContactAttempt(Pseudonymised, models.Model):
    """One try to reach the resident after accepting: when and how. The note is encrypted and
    meant for the way of trying ("voicemail ingesproken"), not for personal details."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="contact_attempts")
    on = models.DateField(_("datum"))
    way = models.CharField(_("hoe"), max_length=20, choices=ContactWay.choices)
    note_ciphertext = models.TextField(blank=True)
    note = crypto.EncryptedAttribute("note_ciphertext")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("contactpoging")
        verbose_name_plural = _("contactpogingen")

    def __str__(self) -> str:
        return f"{self.referral_id} {self.on}"

    def data_key(self) -> bytes:
        return self.referral.data_key()

    def audit_pseudonym(self) -> str:
        return self.referral.audit_pseudonym()
