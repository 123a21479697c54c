# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Field encryption: one data key per resident, wrapped by a master key.

Every personal value is sealed with AES-256-GCM under the resident's own data
key. The associated data is the value's identity (model, field, row uid), so a
ciphertext copied into another row or column no longer opens. The data key is
itself sealed by a master key from the environment; erasing a resident destroys
its wrapped data key (crypto-shredding), which makes every copy unreadable,
backups included.

Stored formats (ASCII, so they fit a text column on every database):
  value:     "v1:" + base64(nonce(12) | ciphertext+tag)
  data key:  "<master key id>:" + base64(nonce(12) | ciphertext+tag)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

VALUE_PREFIX = "v1:"


class DecryptionError(Exception):
    """A value or data key could not be opened: wrong key, or tampered data.

    Raised instead of returning empty data, so a mistake is never silent.
    """


class DataErased(Exception):
    """The resident's data key was destroyed; its personal data no longer exists.

    Code that reads an erased value gets this exception. Templates show an
    empty value instead (Django's silent_variable_failure); pages of an erased
    resident say so above the facts that remain (categories, dates, outcomes).
    """

    silent_variable_failure = True


@dataclass(frozen=True)
class MasterKey:
    key_id: str
    key: bytes


# A key id is written in front of every wrapped data key ("<id>:…") and names a
# key check row; a colon or space in it would make both ambiguous.
_KEY_ID = re.compile(r"[A-Za-z0-9_.-]{1,32}")
# new_master_key_b64 writes URL-safe base64; the standard alphabet is accepted too.
# Anything else is refused rather than skipped (b64decode's default drops it silently).
_KEY_B64 = re.compile(r"[A-Za-z0-9_+/-]+={0,2}")
# 32 random bytes have about 30 different values; fewer than 16 means the key
# was typed or derived from something guessable, not generated.
_MIN_DIFFERENT_BYTES = 16


def parse_keyring(raw: str) -> list[MasterKey]:
    """The keys of FIELD_ENCRYPTION_KEYS; ImproperlyConfigured names the first bad one (never its bytes)."""
    keys = []
    for item in raw.split(","):
        item = item.strip()
        if not item:
            continue
        key_id, sep, b64 = item.partition(":")
        if not sep:
            raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS entries must look like 'id:base64key'.")
        if not _KEY_ID.fullmatch(key_id):
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS key id {key_id!r} may only hold letters, digits, '.', '_' and '-' (1-32)."
            )
        if not _KEY_B64.fullmatch(b64):
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS key {key_id!r} is not valid base64.")
        try:
            padded = b64.rstrip("=") + "=" * (-len(b64.rstrip("=")) % 4)
            key = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
        except ValueError as exc:
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS key {key_id!r} is not valid base64.") from exc
        if len(key) != 32:
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS key {key_id!r} must be 32 bytes (AES-256).")
        if len(set(key)) < _MIN_DIFFERENT_BYTES:
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS key {key_id!r} is not random; generate one (see README, Keys)."
            )
        if any(k.key_id == key_id for k in keys):
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS names key {key_id!r} twice.")
        keys.append(MasterKey(key_id, key))
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty: personal data cannot be read or written.")
    return keys


def keyring() -> list[MasterKey]:
    """The master keys; the first one wraps new data keys, all of them unwrap."""
    return parse_keyring(settings.FIELD_ENCRYPTION_KEYS)


def current_master_key() -> MasterKey:
    return keyring()[0]


def new_master_key_b64() -> str:
    return base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256)).decode()


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _open(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < 12 + 16:  # nonce + tag: anything shorter was cut off
        raise DecryptionError("ciphertext is too short to be genuine")
    try:
        return AESGCM(key).decrypt(blob[:12], blob[12:], aad)
    except InvalidTag as exc:
        raise DecryptionError("ciphertext does not open with this key and identity") from exc


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def wrap_data_key(data_key: bytes, owner_uid: str, master: MasterKey) -> str:
    # The master key is always handed in: it comes from key_checks.wrapping_key(),
    # which refuses a key whose bytes differ from the ones recorded for its id.
    blob = _seal(master.key, data_key, f"datakey:{owner_uid}".encode())
    return f"{master.key_id}:{base64.b64encode(blob).decode()}"


def unwrap_data_key(wrapped: str, owner_uid: str, masters: list[MasterKey] | None = None) -> bytes:
    key_id, _, b64 = wrapped.partition(":")
    for master in keyring() if masters is None else masters:
        if master.key_id == key_id:
            try:
                blob = base64.b64decode(b64, validate=True)
            except ValueError as exc:
                raise DecryptionError("wrapped data key is damaged") from exc
            return _open(master.key, blob, f"datakey:{owner_uid}".encode())
    raise DecryptionError(f"master key {key_id!r} is not configured in FIELD_ENCRYPTION_KEYS")


def wrapped_key_id(wrapped: str) -> str:
    return wrapped.partition(":")[0]


def rewrap_data_key(wrapped: str, owner_uid: str, master: MasterKey) -> str:
    """The same data key, wrapped by `master` (the current, checked master key) for key rotation.

    The data key itself does not change, so no value has to be re-encrypted.
    """
    if wrapped_key_id(wrapped) == master.key_id:
        return wrapped
    return wrap_data_key(unwrap_data_key(wrapped, owner_uid), owner_uid, master)


KEY_CHECK_LABEL = b"overdracht master key check v1"


def key_check_value(master: MasterKey) -> str:
    """A fingerprint of the key that may be stored: an HMAC of a fixed label, not the key.

    It tells whether the bytes configured under an id are the ones used before,
    and reveals nothing else about a 256-bit random key.
    """
    return hmac.new(master.key, KEY_CHECK_LABEL, hashlib.sha256).hexdigest()


def encrypt_value(data_key: bytes, plaintext: str, aad: str) -> str:
    blob = _seal(data_key, plaintext.encode(), aad.encode())
    return VALUE_PREFIX + base64.b64encode(blob).decode()


def decrypt_value(data_key: bytes, stored: str, aad: str) -> str:
    if not stored.startswith(VALUE_PREFIX):
        raise DecryptionError("stored value is not in the encrypted format")
    try:
        blob = base64.b64decode(stored[len(VALUE_PREFIX) :], validate=True)
    except ValueError as exc:
        raise DecryptionError("stored value is damaged") from exc
    return _open(data_key, blob, aad.encode()).decode()


class EncryptedAttribute:
    """A readable attribute over a ciphertext column of a model.

    The owning model supplies `data_key()` (the resident's key) and a `uid`.
    Empty values stay empty (no ciphertext), so optional fields cost no space.
    """

    def __init__(self, column: str):
        self.column = column

    def __set_name__(self, owner, name):
        self.name = name

    def _aad(self, obj) -> str:
        return f"{obj._meta.label_lower}.{self.name}:{obj.uid}"

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        stored = getattr(obj, self.column)
        # Ask for the key even when the column is empty: after erasure that
        # raises DataErased, so erased data never reads as an empty value.
        data_key = obj.data_key()
        if not stored:
            return ""
        return decrypt_value(data_key, stored, self._aad(obj))

    def __set__(self, obj, value):
        value = "" if value is None else str(value)
        setattr(obj, self.column, encrypt_value(obj.data_key(), value, self._aad(obj)) if value else "")


def encrypted_columns(model) -> tuple[str, ...]:
    """The ciphertext columns of a model class, read from its EncryptedAttributes (in declaration order)."""
    columns = {
        attribute.column: None
        for cls in reversed(model.__mro__)
        for attribute in vars(cls).values()
        if isinstance(attribute, EncryptedAttribute)
    }
    return tuple(columns)
