# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The audit trail is not in the admin site: it is append-only, and only the privacy officer
reads it, on pages of their own (audit.views.privacy) that log every search and offer no delete."""

from auditlog.registry import auditlog  # noqa: F401  (auditlog's admin registers its entry model)
from django.contrib import admin

from audit.models import AuditEntry

if admin.site.is_registered(AuditEntry):
    admin.site.unregister(AuditEntry)
