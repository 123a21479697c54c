"""Small helpers shared by the journey views."""

from django.core.paginator import Paginator
from django.http import HttpRequest

from referrals.forms import plain_id

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
    """An id from a query parameter, or None: plain ASCII digits that fit a database integer (forms.plain_id)."""
    return plain_id(value)
