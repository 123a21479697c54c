"""Shared access check of the resident's-rights pages: 404 unless the user handles this resident."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from policies import subject_rights as rights
from referrals.models import Resident


def resident_for(request, pseudonym: str, kind: str | None = None) -> Resident:
    """The resident, if `request.user` may use its rights pages (else 404), and `kind` (else 403)."""
    resident = Resident.objects.select_related("wijk").filter(pseudonym=pseudonym).first()
    # 404, not 403: someone who does not handle this resident must not learn it exists.
    if resident is None or not rights.may_see_resident(request.user, resident):
        raise Http404
    if kind is not None and not rights.may_exercise(request.user, resident, kind):
        raise PermissionDenied
    return resident
