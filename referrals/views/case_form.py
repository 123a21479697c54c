# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Opening a case from the case form: shared by the case page's own form and the signal desk's.

Both ask the same questions (CaseOpenForm), warn the same way about a resident who may already
have a case (one household, one plan, one regisseur) and hand every field to the same service, so
a field added to the form reaches the case from both doors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from referrals import services
from referrals.forms import CaseOpenForm
from referrals.models import Case
from referrals.services import ActionRefused

# The form's fields that are the case's (and resident's) fields, as the service takes them.
CASE_FIELDS = (
    "given_name",
    "family_name",
    "birth_year",
    "phone",
    "email",
    "preferred_language",
    "needs_interpreter",
    "wijk",
    "categories",
    "target_groups",
    "kompas_goals",
)


def case_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = {name: data[name] for name in CASE_FIELDS}
    fields["categories"] = list(fields["categories"])
    return fields


def open_from_form(form: CaseOpenForm, open_case: Callable[..., Case]) -> tuple[Case | None, Case | None]:
    """(the opened case, None), or (None, a possibly existing case) with the form showing why not.

    `open_case` is the service that opens it (called with the case fields); a refusal lands on
    the form, which keeps everything that was typed.
    """
    if not form.is_valid():
        return None, None
    data = form.cleaned_data
    existing = services.possible_existing_case(family_name=data["family_name"], birth_year=data["birth_year"])
    if existing is not None and not data["confirm_new"]:
        # Say only who to call; nothing about the case itself.
        form.add_error(
            "confirm_new",
            _("Bevestig dat u toch een nieuwe casus opent, of neem eerst contact op met de regisseur."),
        )
        form.mark_invalid("confirm_new")
        return None, existing
    try:
        return open_case(**case_fields(data)), existing
    except ActionRefused as refused:
        form.refuse(refused)
        return None, existing
