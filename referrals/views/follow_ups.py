# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""'Mijn opvolging': every check due across the user's cases, with a note when done."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from referrals import services
from referrals.forms import FollowUpDoneForm
from referrals.models import FollowUp
from referrals.selectors.cases import my_follow_ups, visible_cases
from referrals.services import ActionRefused
from referrals.views import once

BUCKETS = (
    ("overdue", gettext_lazy("Te laat")),
    ("today", gettext_lazy("Vandaag")),
    ("week", gettext_lazy("Komende week")),
    ("later", gettext_lazy("Later")),
)


@never_cache
@login_required
def follow_up_list(request):
    buckets = my_follow_ups(request.user)
    for items in buckets.values():
        for follow_up in items:
            # Each line's form has its own one-time token: two lines done one after the other
            # are two submits, a double click on one line is one.
            follow_up.form_token = uuid.uuid4().hex
    return render(
        request,
        "follow_ups/list.html",
        {
            "buckets": [(code, str(label), buckets[code]) for code, label in BUCKETS],
            "total": sum(len(items) for items in buckets.values()),
        },
    )


@login_required
@require_POST
def follow_up_mark_done(request, pk):
    if done := once.already_done(request):
        return done
    # Only the user's own follow-ups on cases they still work on; everything else is a 404.
    follow_up = FollowUp.objects.filter(
        pk=pk, owner_id=request.user.pk, case__in=visible_cases(request.user).values("pk")
    ).first()
    if follow_up is None:
        raise Http404
    form = FollowUpDoneForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.follow_up_done(follow_up=follow_up, actor=request.user, note=note)
    except ActionRefused as refused:
        raise PermissionDenied(refused.message) from None
    messages.success(request, _("Opvolging van casus %(ref)s is gedaan.") % {"ref": follow_up.case.reference})
    return once.done(request, "/opvolging/")
