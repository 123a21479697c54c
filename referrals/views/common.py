"""Small helpers shared by the journey views."""

import re

from django.core.paginator import Paginator
from django.http import HttpRequest

PAGE_SIZE = 25


def paginate(request: HttpRequest, queryset, per_page: int = PAGE_SIZE):
    """One page of `queryset`: a COUNT and one SELECT (plus its prefetches), whatever the total."""
    return Paginator(queryset, per_page).get_page(request.GET.get("pagina"))


def query_without_page(request: HttpRequest) -> str:
    """The current filters, to carry over into the pagination links."""
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


def id_param(value: str | None) -> int | None:
    """An id from a query parameter, or None: plain ASCII digits that fit a database integer.

    `str.isdigit()` accepts "²" (which int() refuses) and any length (which overflows PostgreSQL).
    """
    if not value or not re.fullmatch(r"[0-9]{1,9}", value):
        return None
    return int(value)
