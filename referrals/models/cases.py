# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A household's request for help: one case, one plan, one regisseur."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Category, Organisation, Wijk
from policies.cases import CloseReason
from referrals.models import crypto
from referrals.models.base import Pseudonymised
from referrals.models.residents import Resident


def new_case_reference() -> str:
    # 40 random bits: at 100,000 cases a new reference collides with an existing one about once
    # in 11 million case openings (32 bits made that once in 43,000 at 100,000 cases).
    return "C-" + secrets.token_hex(5).upper()


class Case(Pseudonymised, models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Gesloten")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=new_case_reference, editable=False)
    # The hulpvrager whose data key seals the case's content.
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="cases")
    household = models.ManyToManyField(Resident, blank=True, related_name="household_cases")
    regisseur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="regie_cases")
    regisseur_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="regie_cases")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_by_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="opened_cases")
    categories = models.ManyToManyField(Category, related_name="cases", verbose_name=_("categorieën"))
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    # A code, never free text: a closed case's reason may be counted without reading content.
    closed_reason = models.CharField(_("reden van sluiten"), max_length=20, choices=CloseReason.choices, blank=True)
    # The resident's age band, copied here: it is the one fact about the resident a list shows, and
    # a list must not read the resident's row (its encrypted columns) for every line. Kept equal to
    # Resident.age_band by case_open and by rectification (referrals.services).
    age_band = models.CharField(_("leeftijdsgroep"), max_length=8, blank=True, editable=False)
    # What the programme reports on (policies.programme): target-group codes and Sociaal Kompas goal
    # codes. Not personal content: the figures page counts them, never shows a case.
    target_groups = models.JSONField(_("doelgroepen"), default=list, blank=True)
    kompas_goals = models.JSONField(_("doelen Sociaal Kompas"), default=list, blank=True)

    # Not stored: set for one page by referrals.selectors.access.case_for (declared for the type checker).
    may: dict[str, bool]
    regisseur_left: bool

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")

    def __str__(self) -> str:
        return self.reference

    def data_key(self) -> bytes:
        return self.resident.data_key()

    def audit_pseudonym(self) -> str:
        return self.resident.pseudonym

    def audit_resident(self) -> Resident:
        return self.resident


class PlanGoal(Pseudonymised, models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("Mee bezig")
        ACHIEVED = "achieved", _("Bereikt")
        DROPPED = "dropped", _("Vervallen")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="goals")
    text_ciphertext = models.TextField(blank=True)
    text = crypto.EncryptedAttribute("text_ciphertext")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return f"{self.case.reference} doel {self.pk}"

    def data_key(self) -> bytes:
        return self.case.data_key()

    def audit_pseudonym(self) -> str:
        return self.case.audit_pseudonym()


class FollowUp(Pseudonymised, models.Model):
    """Vinger aan de pols: a dated check after a referral was accepted or closed, or a case closed."""

    class Kind(models.TextChoices):
        NAZORG = "nazorg", _("Nazorg")
        # A light check months after the case was closed (policies.cases.WAAKVLAM_MONTHS).
        WAAKVLAM = "waakvlam", _("Waakvlam")
        # The resident is not helped yet: find another partner or another way.
        DECLINED = "declined", _("Na afwijzing: andere partner zoeken")
        UNREACHED = "unreached", _("Niet bereikt: andere weg zoeken")
        WITHDRAWN = "withdrawn", _("Toestemming ingetrokken: hoe nu verder")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    referral = models.ForeignKey(
        "referrals.Referral", on_delete=models.CASCADE, null=True, blank=True, related_name="follow_ups"
    )
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="follow_ups")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.NAZORG)
    due_on = models.DateField(_("uiterlijk op"))
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    # What the check found, written when it is done; about the resident, so sealed with their key.
    note_ciphertext = models.TextField(blank=True)
    note = crypto.EncryptedAttribute("note_ciphertext")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("vinger aan de pols")
        verbose_name_plural = _("vinger aan de pols")

    def __str__(self) -> str:
        return f"{self.case.reference} {self.due_on}"

    def data_key(self) -> bytes:
        return self.case.data_key()

    def audit_pseudonym(self) -> str:
        return self.case.audit_pseudonym()


class RegieOffer(Pseudonymised, models.Model):
    """The regisseur offers the regie of a case to another professional, who accepts or declines.

    Until it is accepted the old regisseur stays regisseur: an open case always has one.
    At most one offer of a case is pending at a time (a constraint, not only a check).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Aangeboden")
        ACCEPTED = "accepted", _("Aangenomen")
        DECLINED = "declined", _("Afgewezen")
        CANCELLED = "cancelled", _("Ingetrokken")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="regie_offers")
    offered_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="regie_offers")
    # The organisation the new regisseur will hold the regie for (where they refer).
    offered_to_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    offered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("aanbod van de regie")
        verbose_name_plural = _("aanbiedingen van de regie")
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(status="pending"), name="one_pending_regie_offer_per_case"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case.reference} regie → {self.offered_to_id}"

    def audit_pseudonym(self) -> str:
        return self.case.audit_pseudonym()


class CaseEvent(models.Model):
    """What happened to the case itself (regie, household, closing), for its timeline.

    Like ReferralEvent: written with the case's own audited change, never changed after, and it
    names people at work and codes only — never a resident.
    """

    class Name(models.TextChoices):
        REGIE_OFFERED = "regie_offered", _("regie aangeboden")
        REGIE_ACCEPTED = "regie_accepted", _("regie overgenomen")
        REGIE_DECLINED = "regie_declined", _("regie-aanbod afgewezen")
        REGIE_CANCELLED = "regie_cancelled", _("regie-aanbod ingetrokken")
        REGIE_TAKEN_OVER = "regie_taken_over", _("regie overgenomen (regisseur vertrokken)")
        MEMBER_ADDED = "member_added", _("gezinslid toegevoegd")
        MEMBER_REMOVED = "member_removed", _("gezinslid verwijderd")
        CLOSED = "closed", _("casus gesloten")
        REOPENED = "reopened", _("casus heropend")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    name = models.CharField(max_length=20, choices=Name.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    actor_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, related_name="+")
    # The professional the event is about (the one offered the regie), with their organisation.
    other = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    other_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, related_name="+")
    # A code (the close reason), never free text.
    reason = models.CharField(max_length=20, choices=CloseReason.choices, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("gebeurtenis van de casus")
        verbose_name_plural = _("gebeurtenissen van de casus")

    def __str__(self) -> str:
        return f"{self.case_id} {self.name}"
