"""What a user may see: which referrals and cases (in SQL), and which fields.

Objects outside these querysets answer 404: the user does not learn they exist.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from policies.memberships import organisations_with
from policies.roles import RECEIVING_ROLES, REFERRING_ROLES

# What a receiving partner sees until it accepts: enough to decide, not who.
# Sender and service are included on purpose: the partner must know which of its
# services is asked and whom to call back with questions before accepting.
METADATA_FIELDS = frozenset(
    {"reference", "state", "service", "from_organisation", "to_organisation", "categories",
     "urgency", "wijk", "age_band", "sent_at", "respond_by", "decline_reason", "outcome"}
)
# Personal data and content: only who works with the resident.
CONTENT_FIELDS = frozenset(
    {"resident_name", "contact", "preferred_language", "needs_interpreter", "summary",
     "legal_basis_justification", "decline_note", "first_contact", "outcome_note", "assignee"}
)
ALL_FIELDS = METADATA_FIELDS | CONTENT_FIELDS

_RECEIVER_CONTENT_STATES = {"accepted", "in_progress", "closed", "handed_over"}


def _granted(user, model, codename):
    return Exists(
        model.objects.filter(content_object=OuterRef("pk"), permission__codename=codename).filter(
            Q(user=user) if hasattr(model, "user") else Q(group__user=user)
        )
    )


def visible_referrals(user) -> QuerySet:
    """Every referral `user` may see, as one SQL-filtered queryset."""
    from referrals.models import Referral, ReferralGroupObjectPermission, ReferralUserObjectPermission

    if not getattr(user, "is_authenticated", False):
        return Referral.objects.none()
    sending_orgs = organisations_with(user, REFERRING_ROLES)
    receiving_orgs = organisations_with(user, RECEIVING_ROLES)
    return Referral.objects.filter(
        Q(from_organisation_id__in=sending_orgs)
        | Q(case__regisseur=user)
        | (Q(to_organisation_id__in=receiving_orgs) & _granted(user, ReferralGroupObjectPermission, "receive_referral"))
        | _granted(user, ReferralUserObjectPermission, "handle_referral")
    )


def visible_cases(user) -> QuerySet:
    """Cases a user works on: as regisseur or from the organisation that opened them."""
    from referrals.models import Case

    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    return Case.objects.filter(
        Q(regisseur=user) | Q(opened_by_organisation_id__in=organisations_with(user, REFERRING_ROLES))
    )


def visible_fields(user, referral) -> frozenset[str]:
    """Which fields of `referral` (and its resident) `user` sees in its current state."""
    from policies.memberships import roles_in
    from policies.permissions import has_object_perm
    from policies.roles import Role

    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if referral.case.regisseur_id == user.pk or roles_in(user, referral.from_organisation_id) & REFERRING_ROLES:
        return ALL_FIELDS
    if referral.state in _RECEIVER_CONTENT_STATES:
        if referral.assignee_id == user.pk and has_object_perm(user, "handle_referral", referral):
            return ALL_FIELDS
        if Role.COORDINATOR in roles_in(user, referral.to_organisation_id) and has_object_perm(
            user, "receive_referral", referral
        ):
            return ALL_FIELDS
    if roles_in(user, referral.to_organisation_id) & RECEIVING_ROLES and has_object_perm(
        user, "receive_referral", referral
    ):
        return METADATA_FIELDS
    if has_object_perm(user, "handle_referral", referral):
        return METADATA_FIELDS
    return frozenset()
