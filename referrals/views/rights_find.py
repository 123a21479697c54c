# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer finds a resident who asks the municipality directly, by keyed hash only."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from referrals.selectors.access import find_residents, open_finder


class FindForm(forms.Form):
    family_name = forms.CharField(label=gettext_lazy("Achternaam"), max_length=100)
    birth_year = forms.IntegerField(label=gettext_lazy("Geboortejaar"), min_value=1900, max_value=2100)


@never_cache
@login_required
def rights_find(request):
    # 404 for everyone but the privacy officer; POST only for the search itself: a name must
    # never end up in a URL or an access log.
    open_finder(request.user)
    form = FindForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = find_residents(
            request.user, family_name=form.cleaned_data["family_name"], birth_year=form.cleaned_data["birth_year"]
        )
    return render(request, "rights/find.html", {"form": form, "found": found})
