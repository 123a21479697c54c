# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Path converters: a URL part that cannot be what it names answers 404 at routing, before any query."""

from referrals.models.residents import PSEUDONYM_PATTERN


class PseudonymConverter:
    """`<pseudonym:…>`: "R-" and eight letters or digits. A "/" or a NUL byte (which PostgreSQL
    refuses in a query: a 500) is no pseudonym."""

    regex = PSEUDONYM_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
