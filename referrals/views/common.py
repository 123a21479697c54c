"""Small helpers shared by the journey views."""

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
