"""The privacy officer finds a resident who asks the municipality directly, by keyed hash only."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache

from audit.services.trail import log_access
from policies import subject_rights as rights
from referrals.models import Resident
from referrals.models.matching import match_hash
from referrals.services.subject_rights import acting_as


class FindForm(forms.Form):
    family_name = forms.CharField(label=_lazy("Achternaam"), max_length=100)
    birth_year = forms.IntegerField(label=_lazy("Geboortejaar"), min_value=1900, max_value=2100)


@never_cache
@login_required
def rights_find(request):
    if not rights.may_find_residents(request.user):
        raise Http404
    # POST only for the search itself: a name must never end up in a URL or an access log.
    form = FindForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        digest = match_hash(form.cleaned_data["family_name"], form.cleaned_data["birth_year"])
        found = list(
            Resident.objects.filter(match_hash=digest, erased_at__isnull=True)
            .annotate(n_cases=Count("cases", distinct=True)).order_by("created_at")
        )
        for resident in found:
            organisation, role = acting_as(request.user, resident)
            log_access(actor=request.user, obj=resident, activity="subject_rights", organisation=organisation,
                       role=role, reason="inwoner gezocht voor een verzoek")
    return render(request, "rights/find.html", {"form": form, "found": found})
