# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A signal: a concern about a resident that a signaller hands to the signal desks.

Privacy-minimal: categories, wijk, free text (the form asks for no names), how the resident
can be reached only when the resident agreed, and whether the resident knows. Every personal
value is sealed with a data key of its own resident row (referrals.models.Resident): a signal
names no person the desks know yet, so it gets a fresh, unmatched resident whose key seals the
text and the contact data. Erasing that resident (crypto-shredding, erasure journal, key
rotation: all the resident's machinery) makes the signal unreadable everywhere.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Category, Organisation, Wijk
from policies.signals import CloseReason, SignalStatus
from referrals.models import crypto
from referrals.models.base import Pseudonymised


def new_signal_reference() -> str:
    # Random, so that it says nothing about how many signals there are or who handed one in.
    return "S-" + secrets.token_hex(4).upper()


class SignalDesk(models.Model):
    """An organisation that receives signals (e.g. Sociaal Servicepunt, Kwadraad); kept in the admin."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="signal_desk", verbose_name=_("organisatie")
    )
    created_at = models.DateTimeField(_("signaalbalie sinds"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("signaalbalie")
        verbose_name_plural = _("signaalbalies")

    def __str__(self) -> str:
        return str(self.organisation)


class Signal(Pseudonymised, models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=new_signal_reference, editable=False)
    # Holds the data key that seals this signal (see the module); PROTECT: erased, never deleted.
    resident = models.ForeignKey("referrals.Resident", on_delete=models.PROTECT, related_name="signals")
    signalled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signalled_by_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    categories = models.ManyToManyField(Category, related_name="+", verbose_name=_("zorgen over"))
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="+", verbose_name=_("wijk"))
    concern_ciphertext = models.TextField(blank=True)
    concern = crypto.EncryptedAttribute("concern_ciphertext")
    # The contact data (on the resident row) exist only when this is true.
    resident_agreed_to_contact = models.BooleanField(_("inwoner wil benaderd worden"), default=False)
    resident_knows = models.BooleanField(_("inwoner weet van het signaal"), default=False)

    status = models.CharField(max_length=12, choices=SignalStatus.choices, default=SignalStatus.RECEIVED)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # The last step (handed in, added to, picked up, closed): the retention period counts from here.
    last_activity_at = models.DateTimeField(default=timezone.now, editable=False)
    picked_up_at = models.DateTimeField(null=True, blank=True, editable=False)
    picked_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    picked_up_by_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    close_reason = models.CharField(_("reden"), max_length=20, choices=CloseReason.choices, blank=True)
    case = models.ForeignKey("referrals.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self) -> str:
        return self.reference

    def data_key(self) -> bytes:
        return self.resident.data_key()

    def audit_pseudonym(self) -> str:
        return self.resident.pseudonym


class SignalAddition(Pseudonymised, models.Model):
    """Information the signaller added before the signal was picked up."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="additions")
    text_ciphertext = models.TextField(blank=True)
    text = crypto.EncryptedAttribute("text_ciphertext")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("aanvulling")
        verbose_name_plural = _("aanvullingen")

    def __str__(self) -> str:
        return f"{self.signal.reference} aanvulling {self.pk}"

    def data_key(self) -> bytes:
        return self.signal.data_key()

    def audit_pseudonym(self) -> str:
        return self.signal.audit_pseudonym()
