from audit.models.entry import AuditChainHead, AuditEntry
from audit.models.flags import PrivacyFlag
from audit.models.reasons import AuditReason

__all__ = ["AuditChainHead", "AuditEntry", "AuditReason", "PrivacyFlag"]
