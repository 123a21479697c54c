# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Reads for second-factor enrolment: whose link may a user issue, which link a token opens."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet
from django.http import Http404
from django_otp import devices_for_user

from accounts.models import EnrolmentLink, Membership
from accounts.models.enrolment import token_hash
from accounts.selectors.actor import actor_for
from accounts.selectors.memberships import is_administrator, is_protected_account
from policies.enrolment import may_issue_link
from policies.roles import Role


def _current_memberships() -> QuerySet[Membership]:
    return Membership.objects.filter(ended_at__isnull=True)


def may_issue_for(by: User | AnonymousUser, person: User) -> bool:
    """The rule of policies.enrolment with the facts about both people."""
    return may_issue_link(
        actor_for(by),
        person_id=person.pk,
        person_organisations=_current_memberships().filter(user=person).values_list("organisation_id", flat=True),
        person_is_protected=is_protected_account(person),
        is_administrator=is_administrator(by),
    )


def people_for_enrolment(by: User | AnonymousUser) -> list[User]:
    """The active people `by` may issue a link for, by name (an administrator: everyone)."""
    if by.pk is None:
        return []
    people = get_user_model().objects.filter(is_active=True).exclude(pk=by.pk).order_by("first_name", "username")
    if not is_administrator(by):
        organisations = actor_for(by).organisations_with([Role.COORDINATOR])
        if not organisations:
            return []
        people = people.filter(
            pk__in=_current_memberships().filter(organisation_id__in=organisations).values("user_id")
        )
    return [person for person in people if may_issue_for(by, person)]


def person_for_enrolment(by: User | AnonymousUser, pk: int) -> User:
    """The person with `pk`, if `by` may issue their link; otherwise 404 (they do not learn the account exists)."""
    person = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if person is None or not may_issue_for(by, person):
        raise Http404
    return person


def has_second_factor(user: AbstractBaseUser) -> bool:
    return any(devices_for_user(user, confirmed=True))


def open_link_for(person: User) -> EnrolmentLink | None:
    return EnrolmentLink.objects.usable().filter(user=person).order_by("-created_at").first()


def link_for_token(token: str) -> EnrolmentLink | None:
    """The usable link this token opens, or None (unknown, used, revoked or expired alike)."""
    if not token or len(token) > 100:
        return None
    return EnrolmentLink.objects.usable().filter(token_hash=token_hash(token)).first()
