# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
class Pseudonymised:
    """Hands django-auditlog the resident's pseudonym (never the name) for each entry."""

    def audit_pseudonym(self) -> str:  # pragma: no cover - overridden
        return ""

    def get_additional_data(self) -> dict:
        try:
            return {"pseudonym": self.audit_pseudonym()}
        except Exception:  # an erased or half-built object still gets logged
            return {}
