from accounts.models.memberships import Membership

__all__ = ["Membership"]
