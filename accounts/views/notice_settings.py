# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A person's own settings page (/instellingen/): how notices reach them by e-mail."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.forms import NoticeSettingsForm
from accounts.services.notice_settings import notice_settings_for, notice_settings_update


@login_required
def notice_settings(request):
    current = notice_settings_for(request.user)
    form = NoticeSettingsForm(request.POST or None, initial={"email": current.email})
    if request.method == "POST" and form.is_valid():
        notice_settings_update(user=request.user, email=form.cleaned_data["email"])
        messages.success(request, _("Uw instellingen zijn opgeslagen."))
        return redirect("notice_settings")
    return render(
        request,
        "accounts/notice_settings.html",
        {"form": form, "email_on": settings.NOTIFY_BY_EMAIL, "has_address": bool(request.user.email)},
    )
