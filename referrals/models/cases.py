"""A household's request for help: one case, one plan, one regisseur."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Category, Organisation, Wijk
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
    """Vinger aan de pols: a dated check after a referral was accepted or closed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    referral = models.ForeignKey(
        "referrals.Referral", on_delete=models.CASCADE, null=True, blank=True, related_name="follow_ups"
    )
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="follow_ups")
    due_on = models.DateField(_("uiterlijk op"))
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("vinger aan de pols")
        verbose_name_plural = _("vinger aan de pols")

    def __str__(self) -> str:
        return f"{self.case.reference} {self.due_on}"

    def audit_pseudonym(self) -> str:
        return self.case.audit_pseudonym()
