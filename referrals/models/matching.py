# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Recognising a resident who is already known, without decrypting anything.

A keyed hash (HMAC-SHA256 with RESIDENT_MATCH_KEY) of the normalised family
name and birth year is stored beside the ciphertext. The same input gives the
same hash, so a lookup is one indexed query; without the key the hash cannot
be reversed by trying names.
"""

import hashlib
import hmac
import re
import unicodedata

from django.conf import settings

# Dutch family names are written with and without their prefix ("van der Berg",
# "Berg, van der"); matching ignores the prefix and accents.
_PREFIXES = {"van", "de", "der", "den", "het", "te", "ter", "ten", "la", "le", "el", "al", "'t", "t", "op", "in", "aan"}


# Letters that Unicode does not decompose into a base letter plus accent, so
# stripping accents alone would drop them ("Yılmaz" must match "Yilmaz").
_TRANSLITERATE = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "ı": "i", "đ": "d", "þ": "th", "ð": "d"})


def normalise_family_name(name: str) -> str:
    """Lower case, no accents, no prefixes, letters only: "Van der Bérg" → "berg"."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_TRANSLITERATE))
    text = text.encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[\s,\-]+", text) if w]
    core = [w for w in words if w not in _PREFIXES] or words
    return re.sub(r"[^a-z]", "", "".join(core))


def match_hash(family_name: str, birth_year: int | None) -> str:
    if not family_name or not birth_year:
        return ""
    message = f"{normalise_family_name(family_name)}|{int(birth_year)}".encode()
    return hmac.new(settings.RESIDENT_MATCH_KEY.encode(), message, hashlib.sha256).hexdigest()
