"""Which organisation and role a user acts for, and the audit of what a page shows."""

from django.core.exceptions import PermissionDenied

from audit.services.trail import log_access
from directory.models import Organisation
from policies.memberships import active_memberships
from policies.roles import RECEIVING_ROLES, REFERRING_ROLES, Role
from policies.visibility import CONTENT_FIELDS


def organisations_for(user, roles) -> list[Organisation]:
    ids = sorted({org_id for org_id, role in active_memberships(user) if role in roles})
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def acting_organisation(request, roles) -> Organisation:
    """The user's organisation for these roles; `?org=` picks one when there are several."""
    orgs = organisations_for(request.user, roles)
    if not orgs:
        raise PermissionDenied
    wanted = request.GET.get("org") or request.POST.get("org")
    return next((o for o in orgs if str(o.pk) == wanted), orgs[0])


def role_in(user, organisation_id, roles) -> str:
    mine = sorted(str(role) for org_id, role in active_memberships(user) if org_id == organisation_id and role in roles)
    return mine[0] if mine else ""


def referring_organisation(request) -> Organisation:
    return acting_organisation(request, REFERRING_ROLES)


def receiving_organisation(request) -> Organisation:
    return acting_organisation(request, RECEIVING_ROLES)


def log_referral_view(request, referral, fields) -> None:
    """One ACCESS entry per page view that shows personal data of a referral."""
    content = sorted(set(fields) & CONTENT_FIELDS)
    if not content:
        return
    user = request.user
    if referral.case.regisseur_id == user.pk:
        org, role = referral.case.regisseur_organisation, Role.REGISSEUR.value
    elif role := role_in(user, referral.from_organisation_id, REFERRING_ROLES):
        org = referral.from_organisation
    else:
        org, role = referral.to_organisation, role_in(user, referral.to_organisation_id, RECEIVING_ROLES)
    log_access(actor=user, obj=referral, activity="referral", organisation=org, role=role, fields=content)


def log_case_view(request, case, fields) -> None:
    user = request.user
    if case.regisseur_id == user.pk:
        org, role = case.regisseur_organisation, Role.REGISSEUR.value
    else:
        org = case.opened_by_organisation
        role = role_in(user, org.pk, REFERRING_ROLES)
    log_access(actor=user, obj=case, activity="case_management", organisation=org, role=role, fields=fields)

