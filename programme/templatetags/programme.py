# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""How a figure of the Cijfers page is written: a number, or "x" when it is suppressed."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from referrals.selectors.reports import SUPPRESSED

register = template.Library()


@register.simple_tag
def figure_cell(value):
    if value is SUPPRESSED:
        return format_html(
            '<td class="utrecht-table__cell utrecht-table__cell--numeric od-hidden" data-value="">'
            'x<span class="od-sr-only"> {}</span></td>',
            _("afgeschermd"),
        )
    if isinstance(value, int | float):
        return format_html(
            '<td class="utrecht-table__cell utrecht-table__cell--numeric" data-value="{}">{}</td>', value, value
        )
    return format_html('<td class="utrecht-table__cell">{}</td>', value)
