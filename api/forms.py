# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The pages' forms behind the API's input: the same validation, whichever door the data came through.

The serializers describe the API's shape (JSON types, codes instead of ids, the OpenAPI schema);
the page's form then checks the values exactly as the page does, and its cleaned data go to the
same service. A form error is a 400 problem with the form's own messages.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from rest_framework import serializers


def form_errors(form: forms.Form) -> dict[str, list[str]]:
    return {
        ("body" if name == NON_FIELD_ERRORS else name): [str(m) for m in messages]
        for name, messages in form.errors.items()
    }


def validated_by_form(form_class: type[forms.Form], data: dict[str, Any]) -> dict[str, Any]:
    """The page's `form_class` bound to `data` (form values): its cleaned data, or a 400 with its errors."""
    form = form_class(data=form_values(data))
    if not form.is_valid():
        raise serializers.ValidationError(form_errors(form))
    return form.cleaned_data


def form_values(data: dict[str, Any]) -> dict[str, Any]:
    """As a browser posts them: objects by id, an unticked box absent, nothing as an empty string."""
    values: dict[str, Any] = {}
    for name, value in data.items():
        if value is None or value is False:
            continue
        if isinstance(value, list | tuple):
            values[name] = [getattr(v, "pk", v) for v in value]
        else:
            values[name] = getattr(value, "pk", value)
    return values
