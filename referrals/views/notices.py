# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Notices that lead somewhere: each opens its referral or case and is then read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.selectors.actor import actor_for
from policies.cases import case_policy
from policies.referrals import referral_policy
from referrals.models import Notification
from referrals.services.notifications import mark_read
from referrals.views.common import paginate


@login_required
def notification_list(request):
    notices = Notification.objects.filter(recipient=request.user).order_by("-created_at", "-pk")
    return render(request, "notices/list.html", {"page": paginate(request, notices)})


@login_required
def notification_open(request, pk):
    """Mark the notice read and go where it points; someone else's notice is a 404."""
    notice = get_object_or_404(
        Notification.objects.select_related("referral__case", "case"), pk=pk, recipient=request.user
    )
    mark_read(Notification.objects.filter(pk=notice.pk))
    actor = actor_for(request.user)
    if notice.referral is not None and referral_policy.sees(actor, notice.referral):
        return redirect("referral_detail", notice.referral.pk)
    if notice.case is not None and case_policy.sees(actor, notice.case):
        return redirect("case_detail", notice.case.pk)
    if notice.kind == Notification.Kind.REGIE_OFFERED and notice.case is not None:
        # Not their case (yet): the offer page shows what they may see before accepting, or a 404.
        return redirect("regie_offer_answer", notice.case.pk)
    if notice.referral is not None or notice.case is not None:
        # Access ended since (withdrawn, stopped, handed over): say so instead of a bare 404.
        messages.info(request, _("U kunt dit niet meer openen; het bericht zelf blijft hier staan."))
    elif notice.kind == Notification.Kind.MEMBERSHIP_TO_CONFIRM:
        return redirect("memberships_to_confirm")
    return redirect("notifications")


@require_POST
@login_required
def notifications_all_read(request):
    count = mark_read(Notification.objects.filter(recipient=request.user))
    messages.success(request, _("%(n)s berichten gemarkeerd als gelezen.") % {"n": count})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("notifications")
    return redirect(back)
