from accounts.models.memberships import Membership
from accounts.models.work_contacts import WorkContact

__all__ = ["Membership", "WorkContact"]
