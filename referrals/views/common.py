# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Small helpers shared by the journey views."""

from django.core.paginator import Paginator
from django.http import HttpRequest

from referrals.forms import plain_id

PAGE_SIZE = 25


def paginate(request: HttpRequest, queryset, per_page: int = PAGE_SIZE, *, count: int | None = None):
    """One page of `queryset`: a COUNT and one SELECT (plus its prefetches), whatever the total.

    `count`: the number of rows when the page counted them already (with its other figures), so
    the paginator does not count them a second time.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is never asked of the database
    return paginator.get_page(request.GET.get("pagina"))


def query_without_page(request: HttpRequest) -> str:
    """The current filters, to carry over into the pagination links."""
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


def id_param(value: str | None) -> int | None:
    """An id from a query parameter, or None: plain ASCII digits that fit a database integer (forms.plain_id)."""
    return plain_id(value)
