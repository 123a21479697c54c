# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""For which organisation a user acts on a page, when they work for more than one."""

from django.core.exceptions import PermissionDenied

from accounts.selectors.memberships import organisations_for
from directory.models import Organisation
from policies.roles import RECEIVING_ROLES, REFERRING_ROLES


def acting_organisation(request, roles, orgs: list[Organisation] | None = None) -> Organisation:
    """The user's organisation for these roles; `?organisatie=` picks one when there are several (else 403).

    `orgs`: organisations_for(request.user, roles) when the page has read them already.
    """
    if orgs is None:
        orgs = organisations_for(request.user, roles)
    if not orgs:
        raise PermissionDenied
    wanted = request.GET.get("organisatie") or request.POST.get("organisatie")
    return next((o for o in orgs if str(o.pk) == wanted), orgs[0])


def referring_organisation(request) -> Organisation:
    return acting_organisation(request, REFERRING_ROLES)


def receiving_organisation(request, orgs: list[Organisation] | None = None) -> Organisation:
    return acting_organisation(request, RECEIVING_ROLES, orgs)
