# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/hsds/: the directory as an Open Referral HSDS 3.0 API (services, organizations,
locations, taxonomies, taxonomy_terms), paginated in the standard's Page object.

Access as the other directory endpoints: a registered client with the `directory:read` scope,
rate-limited per client (README, "The directory in HSDS", says why not public).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import hsds, scopes
from api.hsds_schema import (
    HsdsApiInfoSerializer,
    HsdsLocationSerializer,
    HsdsOrganizationBriefSerializer,
    HsdsOrganizationSerializer,
    HsdsServiceBriefSerializer,
    HsdsServiceSerializer,
    HsdsTaxonomySerializer,
    HsdsTaxonomyTermSerializer,
    hsds_page,
)
from api.views.referrals import PAGE, Page
from directory.models import Category, Location

PER_PAGE = OpenApiParameter("per_page", {"type": "integer", "minimum": 1, "maximum": 100})
# No NUL characters: the database cannot store them in text, so the search refuses them (400).
SEARCH = OpenApiParameter(
    "search", {"type": "string", "maxLength": 100, "pattern": r"^[^\u0000]*$"}, description="full text search"
)


class HsdsPage(Page):
    page_size_query_param = "per_page"
    max_page_size = 100

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> Any:
        # DRF would quietly clamp a wrong per_page; the schema says 1–100, so anything else is a 400.
        given = request.query_params.get(self.page_size_query_param)
        if given is not None and not (given.isdigit() and 1 <= int(given) <= self.max_page_size):
            raise serializers.ValidationError({self.page_size_query_param: [_("Kies 1 tot en met 100 per pagina.")]})
        return super().paginate_queryset(queryset, request, view)


class GivenUUIDField(serializers.UUIDField):
    """An optional uuid parameter that, when given, must be a uuid: `?organization_id=` is a 400 too
    (DRF reads an empty query value of an optional field as absent)."""

    def get_value(self, dictionary: Any) -> Any:
        return dictionary.get(self.field_name, serializers.empty)


class ServiceFilters(serializers.Serializer):
    search = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    organization_id = GivenUUIDField(required=False)
    taxonomy_term_id = GivenUUIDField(required=False)
    taxonomy_id = GivenUUIDField(required=False)


class SearchFilter(serializers.Serializer):
    search = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


def _paginated(view: APIView, request: Request, queryset: QuerySet[Any], represent: Any) -> Response:
    paginator = HsdsPage()
    items = paginator.paginate_queryset(queryset, request, view=view)
    return Response(hsds.page(paginator, [represent(item) for item in items or []]))


class HsdsView(APIView):
    scope = scopes.DIRECTORY_READ


class ApiInfoView(HsdsView):
    @extend_schema(
        responses=HsdsApiInfoSerializer,
        summary="HSDS: version and profile of this API",
        operation_id="getAPIMetaInformation",
    )
    def get(self, request: Request) -> Response:
        return Response(
            {
                "version": hsds.HSDS_VERSION,
                "profile": "https://docs.openreferral.org/en/v3.0/",
                "openapi_url": request.build_absolute_uri("/api/v1/schema/"),
            }
        )


class ServicesView(HsdsView):
    @extend_schema(
        parameters=[
            SEARCH,
            OpenApiParameter("organization_id", {"type": "string", "format": "uuid"}),
            OpenApiParameter("taxonomy_term_id", {"type": "string", "format": "uuid"}),
            OpenApiParameter("taxonomy_id", {"type": "string", "format": "uuid"}),
            PAGE,
            PER_PAGE,
        ],
        responses=hsds_page("HsdsServicePage", HsdsServiceBriefSerializer),
        summary="HSDS: services (one-to-one fields)",
        operation_id="getPaginatedListOfServices",
    )
    def get(self, request: Request) -> Response:
        filters = ServiceFilters(data=request.query_params)
        filters.is_valid(raise_exception=True)
        wanted = filters.validated_data
        services = hsds.hsds_services()
        if wanted["search"]:
            services = services.filter(
                Q(name__icontains=wanted["search"])
                | Q(description__icontains=wanted["search"])
                | Q(organisation__name__icontains=wanted["search"])
            )
        if "organization_id" in wanted:
            services = services.filter(organisation__uuid=wanted["organization_id"])
        if "taxonomy_term_id" in wanted:
            services = services.filter(categories__uuid=wanted["taxonomy_term_id"]).distinct()
        if "taxonomy_id" in wanted and wanted["taxonomy_id"] != hsds.TAXONOMY_ID:
            services = services.none()  # every term is of our one taxonomy
        return _paginated(self, request, services, hsds.service_brief)


class ServiceView(HsdsView):
    @extend_schema(
        responses=HsdsServiceSerializer,
        summary="HSDS: one service, fully nested",
        operation_id="getFullyNestedServiceById",
    )
    def get(self, request: Request, pk: Any) -> Response:
        found = hsds.hsds_services().filter(uuid=pk).first()
        if found is None:
            raise Http404
        return Response(hsds.service(found))


class OrganizationsView(HsdsView):
    @extend_schema(
        parameters=[SEARCH, PAGE, PER_PAGE],
        responses=hsds_page("HsdsOrganizationPage", HsdsOrganizationBriefSerializer),
        summary="HSDS: organizations (one-to-one fields)",
        operation_id="getPaginatedListOfOrganizations",
    )
    def get(self, request: Request) -> Response:
        search = SearchFilter(data=request.query_params)
        search.is_valid(raise_exception=True)
        organisations = hsds.hsds_organisations()
        if search.validated_data["search"]:
            organisations = organisations.filter(name__icontains=search.validated_data["search"])
        return _paginated(self, request, organisations, hsds.organization_brief)


class OrganizationView(HsdsView):
    @extend_schema(
        responses=HsdsOrganizationSerializer,
        summary="HSDS: one organization with its services",
        operation_id="getOrganizationById",
    )
    def get(self, request: Request, pk: Any) -> Response:
        found = hsds.hsds_organisations().filter(uuid=pk).first()
        if found is None:
            raise Http404
        return Response(hsds.organization(found, hsds.hsds_services()))


class LocationsView(HsdsView):
    @extend_schema(
        parameters=[SEARCH, PAGE, PER_PAGE],
        responses=hsds_page("HsdsLocationPage", HsdsLocationSerializer),
        summary="HSDS: locations",
        operation_id="getPaginatedListOfLocations",
    )
    def get(self, request: Request) -> Response:
        search = SearchFilter(data=request.query_params)
        search.is_valid(raise_exception=True)
        locations = hsds.hsds_locations()
        if search.validated_data["search"]:
            locations = locations.filter(name__icontains=search.validated_data["search"])
        return _paginated(self, request, locations, hsds.location)


class LocationView(HsdsView):
    @extend_schema(responses=HsdsLocationSerializer, summary="HSDS: one location", operation_id="getLocationById")
    def get(self, request: Request, pk: Any) -> Response:
        found = Location.objects.select_related("organisation", "wijk").filter(uuid=pk).first()
        if found is None:
            raise Http404
        return Response(hsds.location(found))


class TaxonomiesView(HsdsView):
    @extend_schema(
        parameters=[PAGE, PER_PAGE],
        responses=hsds_page("HsdsTaxonomyPage", HsdsTaxonomySerializer),
        summary="HSDS: taxonomies (one: the categories of need)",
        operation_id="getPaginatedListOfTaxonomies",
    )
    def get(self, request: Request) -> Response:
        paginator = HsdsPage()
        items = paginator.paginate_queryset([hsds.taxonomy()], request, view=self)
        return Response(hsds.page(paginator, list(items or [])))


class TaxonomyTermsView(HsdsView):
    @extend_schema(
        parameters=[SEARCH, OpenApiParameter("taxonomy_id", {"type": "string", "format": "uuid"}), PAGE, PER_PAGE],
        responses=hsds_page("HsdsTaxonomyTermPage", HsdsTaxonomyTermSerializer),
        summary="HSDS: taxonomy terms (the categories of need)",
        operation_id="getPaginatedListOfTaxonomyTerms",
    )
    def get(self, request: Request) -> Response:
        filters = ServiceFilters(data=request.query_params)
        filters.is_valid(raise_exception=True)
        wanted = filters.validated_data
        terms = hsds.hsds_categories()
        if wanted["search"]:
            terms = terms.filter(Q(name__icontains=wanted["search"]) | Q(code__icontains=wanted["search"]))
        if "taxonomy_id" in wanted and wanted["taxonomy_id"] != hsds.TAXONOMY_ID:
            terms = Category.objects.none()
        return _paginated(self, request, terms, hsds.taxonomy_term)
