# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from audit.models.entry import AuditChainHead, AuditEntry
from audit.models.flags import PrivacyFlag
from audit.models.reasons import AuditReason

__all__ = ["AuditChainHead", "AuditEntry", "AuditReason", "PrivacyFlag"]
