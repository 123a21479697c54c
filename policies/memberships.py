"""Who a user is, in which organisation: the base of every policy answer."""

from django.utils import timezone

from policies.roles import Role


def active_memberships(user) -> list[tuple[int, str]]:
    """(organisation id, role) pairs, cached on the user object for one request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_overdracht_memberships", None)
    if cached is None:
        today = timezone.localdate()
        cached = [
            (org_id, role)
            for org_id, role, until in user.memberships.values_list("organisation_id", "role", "valid_until")
            if until is None or until >= today
        ]
        user._overdracht_memberships = cached
    return cached


def forget_memberships(user) -> None:
    user.__dict__.pop("_overdracht_memberships", None)


def roles_in(user, organisation_id: int | None) -> set[str]:
    return {role for org_id, role in active_memberships(user) if org_id == organisation_id}


def organisations_with(user, roles) -> set[int]:
    roles = {Role(r) for r in roles}
    return {org_id for org_id, role in active_memberships(user) if role in roles}


def has_role(user, role) -> bool:
    return any(r == role for _, r in active_memberships(user))
