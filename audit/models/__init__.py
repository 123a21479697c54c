from audit.models.entry import AuditChainHead, AuditEntry
from audit.models.flags import PrivacyFlag

__all__ = ["AuditChainHead", "AuditEntry", "PrivacyFlag"]
