# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""For referrers: record a consent on a case and send a referral from it, as the case pages do.

The case comes from the access helper `case_for` (404 when the client's account does not work on
it); the services decide (ActionRefused: 409 with the reason, e.g. what the consent misses).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api import scopes
from api.problems import ActionNotPossible
from api.serializers import ReferOnSerializer, StateSerializer
from api.views.referrals import _organisation
from directory.models import Organisation
from policies.data_categories import DataCategory
from policies.roles import REFERRING_ROLES
from referrals import services
from referrals.models import Consent
from referrals.selectors.access import case_for
from referrals.services import ActionRefused


class ConsentSerializer(serializers.Serializer):
    purpose = serializers.CharField(max_length=300)
    recipients = serializers.ListField(
        child=serializers.SlugRelatedField(slug_field="slug", queryset=Organisation.objects.all()), min_length=1
    )
    data_categories = serializers.ListField(child=serializers.ChoiceField(choices=DataCategory.choices), min_length=1)
    given_how = serializers.ChoiceField(choices=Consent.GivenHow.choices)
    informed_language = serializers.CharField(max_length=10, default="nl")
    valid_until = serializers.DateField()


class ConsentCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    valid_until = serializers.DateField()


_ID = OpenApiParameter("id", int, OpenApiParameter.PATH)


class CaseViewSet(viewsets.ViewSet):
    lookup_value_regex = "[0-9]{1,18}"
    scopes = {"consents": scopes.CASES_WRITE, "referrals": scopes.CASES_WRITE}

    @extend_schema(parameters=[_ID], request=ConsentSerializer, responses={201: ConsentCreatedSerializer})
    @action(detail=True, methods=["post"])
    def consents(self, request: Request, pk: str) -> Response:
        organisation = _organisation(request, REFERRING_ROLES)
        case = case_for(request.user, int(pk), action="record_consent")
        given = ConsentSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data: dict[str, Any] = dict(given.validated_data)
        try:
            consent = services.consent_record(case=case, actor=request.user, organisation=organisation, **data)
        except ActionRefused as refused:
            raise ActionNotPossible(refused.message, refused.field) from None
        return Response(
            ConsentCreatedSerializer({"id": consent.pk, "valid_until": consent.valid_until}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(parameters=[_ID], request=ReferOnSerializer, responses={201: StateSerializer})
    @action(detail=True, methods=["post"])
    def referrals(self, request: Request, pk: str) -> Response:
        """Create and send a referral from this case (the referrer's one step)."""
        organisation = _organisation(request, REFERRING_ROLES)
        case = case_for(request.user, int(pk))
        given = ReferOnSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            referral = services.referral_create_and_send(
                case=case, actor=request.user, organisation=organisation, **given.validated_data
            )
        except ActionRefused as refused:
            raise ActionNotPossible(refused.message, refused.field) from None
        return Response(
            StateSerializer({"id": referral.pk, "reference": str(referral), "state": referral.state}).data,
            status=status.HTTP_201_CREATED,
        )
