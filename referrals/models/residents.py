# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident: privacy-minimal, every personal field encrypted at rest."""

import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Wijk
from referrals.models import crypto, key_checks
from referrals.models.base import Pseudonymised

_PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# What may stand for a pseudonym in a URL or a search (either case): anything else — "/", a NUL
# byte PostgreSQL refuses, a name — never reaches a query.
PSEUDONYM_PATTERN = "[Rr]-[A-Za-z0-9]{8}"


def new_pseudonym() -> str:
    # A random handle that says nothing about the person; the only name for a
    # resident in logs, audit entries, e-mails and URLs.
    return "R-" + "".join(secrets.choice(_PSEUDONYM_ALPHABET) for _ in range(8))


def age_band(birth_year: int | None, today=None) -> str:
    if not birth_year:
        return ""
    age = (today or timezone.localdate()).year - birth_year
    for upper, label in ((11, "0-11"), (17, "12-17"), (26, "18-26"), (66, "27-66")):
        if age <= upper:
            return label
    return "67+"


class Resident(Pseudonymised, models.Model):
    """No BSN, no full date of birth, no diagnoses (DESIGN: privacy-minimal)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pseudonym = models.CharField(max_length=12, unique=True, default=new_pseudonym, editable=False)
    # The resident's data key, wrapped by a master key; emptied on erasure.
    wrapped_data_key = models.TextField(blank=True, editable=False)
    # HMAC of normalised family name + birth year: finds a known resident
    # without decrypting anything (see referrals.models.matching).
    match_hash = models.CharField(max_length=64, db_index=True, blank=True, editable=False)

    given_name_ciphertext = models.TextField(blank=True)
    family_name_ciphertext = models.TextField(blank=True)
    birth_year_ciphertext = models.TextField(blank=True)
    phone_ciphertext = models.TextField(blank=True)
    email_ciphertext = models.TextField(blank=True)
    preferred_language_ciphertext = models.TextField(blank=True)

    given_name = crypto.EncryptedAttribute("given_name_ciphertext")
    family_name = crypto.EncryptedAttribute("family_name_ciphertext")
    birth_year_text = crypto.EncryptedAttribute("birth_year_ciphertext")
    phone = crypto.EncryptedAttribute("phone_ciphertext")
    email = crypto.EncryptedAttribute("email_ciphertext")
    preferred_language = crypto.EncryptedAttribute("preferred_language_ciphertext")

    needs_interpreter = models.BooleanField(_("tolk nodig"), default=False)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # Coarse and non-identifying: what a receiving partner sees before accepting,
    # and what reports keep after erasure.
    age_band = models.CharField(_("leeftijdsgroep"), max_length=8, blank=True)

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    erasure_reason = models.CharField(max_length=200, blank=True, editable=False)

    # Not stored: set for one page by referrals.selectors.access.resident_for (declared for the type checker).
    rights: dict[str, bool]

    class Meta:
        verbose_name = _("inwoner")
        verbose_name_plural = _("inwoners")

    def __str__(self) -> str:
        # Never the name: this string ends up in audit entries and admin lists.
        return self.pseudonym

    def save(self, *args, **kwargs):
        # rotate_master_key re-wraps data keys underneath running requests. An
        # instance loaded before that must not write its older wrapping back
        # (the old master key may be gone by then): the column is only written
        # when this instance really changed it (a new key, or erasure).
        loaded = getattr(self, "_loaded_wrapping", None)
        if (
            not self._state.adding
            and kwargs.get("update_fields") is None
            and loaded is not None
            and self.wrapped_data_key == loaded
        ):
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name != "wrapped_data_key"
            ]
        super().save(*args, **kwargs)
        self._loaded_wrapping = self.wrapped_data_key

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_wrapping = instance.__dict__.get("wrapped_data_key")
        return instance

    def data_key(self) -> bytes:
        if self.erased_at:
            raise crypto.DataErased(f"personal data of {self.pseudonym} was erased")
        return key_checks.own_data_key(self)

    @property
    def birth_year(self) -> int | None:
        text = self.birth_year_text
        return int(text) if text else None

    @birth_year.setter
    def birth_year(self, value: int | None) -> None:
        self.birth_year_text = str(value) if value else ""
        self.age_band = age_band(value)

    @property
    def display_name(self) -> str:
        if self.erased_at:
            return str(_("[gegevens gewist]"))
        return f"{self.given_name} {self.family_name}".strip()

    def audit_pseudonym(self) -> str:
        return self.pseudonym

    def audit_resident(self) -> "Resident":
        return self
