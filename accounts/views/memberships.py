# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A coordinator confirms the memberships an administrator made for their organisation (four eyes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.selectors.memberships import (
    confirmed_by,
    membership_to_confirm,
    memberships_to_confirm,
    organisations_for,
)
from accounts.services.memberships import membership_confirm
from policies.roles import Role
from referrals.services.errors import ActionRefused


@login_required
def to_confirm(request):
    if not organisations_for(request.user, [Role.COORDINATOR]):
        raise PermissionDenied
    return render(
        request, "accounts/memberships_to_confirm.html", {"memberships": memberships_to_confirm(request.user)}
    )


@login_required
@require_POST
def confirm(request, pk):
    if confirmed_by(request.user, pk):  # a second click: it is done already
        return redirect("memberships_to_confirm")
    membership = membership_to_confirm(request.user, pk)
    try:
        membership_confirm(membership=membership, by=request.user)
    except ActionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("Bevestigd: %(user)s werkt nu als %(role)s bij %(org)s.")
            % {
                "user": membership.user.get_full_name() or membership.user.username,
                "role": membership.get_role_display(),
                "org": membership.organisation,
            },
        )
    return redirect("memberships_to_confirm")
