# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The directory (Wegwijzer): the services that take referrals and the partner organisations."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import scopes
from api.serializers import OrganisationSerializer, ServiceSerializer
from api.views.referrals import PAGE, Page, paginated
from directory.models import Organisation
from directory.selectors.directory import directory_search


class SearchSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class ServicesView(APIView):
    scope = scopes.DIRECTORY_READ

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="search text"), PAGE],
        responses=paginated("ServicePage", ServiceSerializer),
    )
    def get(self, request: Request) -> Response:
        search = SearchSerializer(data=request.query_params)
        search.is_valid(raise_exception=True)
        paginator = Page()
        services = directory_search(q=search.validated_data["q"])
        page = paginator.paginate_queryset(services, request, view=self)
        return paginator.get_paginated_response([ServiceSerializer(s).data for s in page or []])


class OrganisationsView(APIView):
    scope = scopes.DIRECTORY_READ

    @extend_schema(parameters=[PAGE], responses=paginated("OrganisationPage", OrganisationSerializer))
    def get(self, request: Request) -> Response:
        paginator = Page()
        organisations = Organisation.objects.filter(agreement_signed_on__isnull=False).order_by("name", "pk")
        page = paginator.paginate_queryset(organisations, request, view=self)
        return paginator.get_paginated_response([OrganisationSerializer(o).data for o in page or []])
