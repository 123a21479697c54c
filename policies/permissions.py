"""Who may do what with a referral or case.

`refusal(user, action, referral)` answers with the reason in words a user
understands, or None when the action is allowed. The services ask it before
every transition (django-fsm does not enforce `permission=` itself); the
pages ask it to decide which buttons to show.

Granted object permissions (django-guardian) are part of the answer: the
receiving organisation's group gets `receive_referral` when a referral is
sent, the assignee gets `handle_referral` on accept; both are revoked when
the referral ends. Case workers never get model-wide permissions.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from policies.memberships import has_role, roles_in
from policies.roles import REFERRING_ROLES, Role, roles_allowing

# Which states each action starts from (mirrors the django-fsm transitions,
# so a refusal can say "already accepted" rather than "not allowed").
SOURCE_STATES = {
    "send": {"draft"},
    "edit_draft": {"draft"},
    "withdraw": {"sent", "accepted"},
    "accept": {"sent"},
    "decline": {"sent"},
    "assign": {"sent", "accepted", "in_progress"},
    "record_first_contact": {"accepted"},
    "forward": {"in_progress"},
    "close": {"in_progress"},
    "reopen": {"closed"},
    "stop": {"draft", "sent", "accepted", "in_progress"},
}

SENDER_ACTIONS = {"send", "edit_draft", "withdraw"}
RECEIVER_ACTIONS = {"accept", "decline"}
HANDLER_ACTIONS = {"record_first_contact", "forward", "close", "reopen"}


def has_object_perm(user, codename: str, referral) -> bool:
    from referrals.models import ReferralGroupObjectPermission, ReferralUserObjectPermission

    if not user.is_authenticated:
        return False
    if codename == "handle_referral":
        return ReferralUserObjectPermission.objects.filter(
            content_object=referral, user=user, permission__codename=codename
        ).exists()
    return ReferralGroupObjectPermission.objects.filter(
        content_object=referral, group__user=user, permission__codename=codename
    ).exists()


def _state_refusal(action: str, referral) -> str | None:
    if referral.state in SOURCE_STATES[action]:
        return None
    return _("Dit kan niet meer: de verwijzing is nu ‘%(state)s’.") % {"state": referral.get_state_display()}


def refusal(user, action: str, referral) -> str | None:
    """None when `user` may do `action` on `referral` now, else why not."""
    if not getattr(user, "is_authenticated", False):
        return _("U bent niet ingelogd.")
    if action not in SOURCE_STATES:
        raise ValueError(f"unknown action {action!r}")
    if action == "stop":
        if not any(has_role(user, role) for role in roles_allowing("stop")):
            return _("Alleen de privacyfunctionaris kan een verwijzing stoppen.")
        return _state_refusal(action, referral)

    if action in SENDER_ACTIONS:
        if not roles_in(user, referral.from_organisation_id) & roles_allowing(action):
            return _("Alleen een verwijzer van %(org)s kan dit doen.") % {"org": referral.from_organisation}
        return _state_refusal(action, referral)

    to_roles = roles_in(user, referral.to_organisation_id)
    if action in RECEIVER_ACTIONS:
        if not to_roles & roles_allowing(action) or not has_object_perm(user, "receive_referral", referral):
            return _("Alleen een intakemedewerker of coördinator van %(org)s kan dit doen.") % {
                "org": referral.to_organisation
            }
        return _state_refusal(action, referral)

    if action == "assign":
        if not to_roles & roles_allowing("assign") or not has_object_perm(user, "receive_referral", referral):
            return _("Alleen de coördinator van %(org)s kan verwijzingen toewijzen.") % {"org": referral.to_organisation}
        return _state_refusal(action, referral)

    # HANDLER_ACTIONS: the assignee, or the coordinator for the whole organisation.
    is_assignee = (
        referral.assignee_id == user.pk
        and bool(to_roles & roles_allowing(action))
        and has_object_perm(user, "handle_referral", referral)
    )
    # The coordinator acts for the whole organisation (DESIGN: "all of intake").
    is_coordinator = Role.COORDINATOR in to_roles and has_object_perm(user, "receive_referral", referral)
    if not (is_assignee or is_coordinator):
        return _("Alleen de behandelaar of de coördinator van %(org)s kan dit doen.") % {
            "org": referral.to_organisation
        }
    state = _state_refusal(action, referral)
    if state:
        return state
    if action == "reopen":
        window = timezone.timedelta(days=settings.REOPEN_WINDOW_DAYS)
        if referral.closed_at and timezone.now() - referral.closed_at > window:
            return _("Heropenen kan tot %(days)s dagen na het afsluiten; maak een nieuwe verwijzing.") % {
                "days": settings.REOPEN_WINDOW_DAYS
            }
    if action == "forward" and referral.children.filter(state="sent").exists():
        return _("Er staat al een doorverwijzing open; wacht tot de volgende partner die aanneemt of afwijst.")
    return None


def can(user, action: str, referral) -> bool:
    return refusal(user, action, referral) is None


def may_open_case(user, organisation) -> bool:
    return bool(roles_in(user, organisation.pk) & REFERRING_ROLES)


def may_manage_case(user, case) -> bool:
    """The regisseur keeps the plan and sees the whole case across partners."""
    return getattr(user, "is_authenticated", False) and case.regisseur_id == user.pk


def may_record_consent(user, resident_case) -> bool:
    return may_manage_case(user, resident_case) or bool(
        roles_in(user, resident_case.opened_by_organisation_id) & REFERRING_ROLES
    )


def may_edit_services(user, organisation) -> bool:
    return bool(roles_in(user, organisation.pk) & roles_allowing("edit_services"))
