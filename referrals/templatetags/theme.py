# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The theme of every page (settings.THEME_CLASS, THEME_STYLESHEETS).

Read from settings, not the request: the error pages use it too, and a server
error may be exactly that the request's context processors broke.
"""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def theme_stylesheets() -> str:
    """The theme's token stylesheets, before the component CSS that uses them."""
    return format_html_join(
        "\n  ", '<link rel="stylesheet" href="{}">', ((static(path),) for path in settings.THEME_STYLESHEETS)
    )


@register.simple_tag
def theme_class() -> str:
    return format_html("{}", settings.THEME_CLASS)
