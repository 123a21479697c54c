"""Reads about people and where they work."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from policies.roles import RECEIVING_ROLES


def colleagues(organisation) -> QuerySet:
    """People of `organisation` who can take a referral (intake or coordinator)."""
    return (
        get_user_model().objects.filter(
            memberships__organisation=organisation, memberships__role__in=[str(r) for r in RECEIVING_ROLES],
            is_active=True,
        )
        .distinct().order_by("first_name", "username")
    )
