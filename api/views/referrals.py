# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The organisation's inbox and referrals, and the transitions as actions.

Every call goes the pages' way: the access helper `referral_for` (404 for what the client may
not see, 403 with the policy's reason, the ACCESS entry for the content shown), then one service
(referrals.services), which asks the same policy again under its row lock. No permission is
checked here but the token's scope.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.selectors.memberships import organisations_for
from api import scopes
from api.problems import ActionNotPossible
from api.serializers import (
    CloseSerializer,
    ContactSerializer,
    DeclineSerializer,
    ReferOnSerializer,
    ReferralSerializer,
    ReferralSummarySerializer,
    StateSerializer,
)
from policies.roles import RECEIVING_ROLES, REFERRING_ROLES
from referrals import services
from referrals.models import Referral
from referrals.selectors import referrals as selectors
from referrals.selectors.access import referral_for
from referrals.services import ActionRefused

BOXES = ("new", "overdue", "mine", "all")


# What `Page` accepts: a page number (beyond the last page: 404).
PAGE = OpenApiParameter("page", {"type": "integer", "minimum": 1, "maximum": 999_999_999})


class Page(PageNumberPagination):
    page_size = 25
    last_page_strings = ()

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> Any:
        # DRF reads a missing or empty `page` as 1; one that is given must be a page number.
        given = request.query_params.get(self.page_query_param)
        if given is not None and not re.fullmatch(r"[1-9][0-9]{0,8}", given):
            raise serializers.ValidationError({self.page_query_param: [_("Een paginanummer is een positief getal.")]})
        return super().paginate_queryset(queryset, request, view)


def paginated(name: str, item: type[serializers.Serializer]) -> serializers.Serializer:
    """The schema of a page of `item` as `Page` answers it (an APIView gets no automatic wrapping)."""
    return inline_serializer(
        name,
        {
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": item(many=True),
        },
    )


class BoxSerializer(serializers.Serializer):
    box = serializers.ChoiceField(choices=BOXES, default="new")


def _organisation(request: Request, roles: Collection[str]) -> Any:
    """The client's organisation, if its account has one of `roles` there (as the pages' acting_organisation)."""
    organisation = request.api_client.organisation
    if organisation.pk not in {o.pk for o in organisations_for(request.user, roles)}:
        raise PermissionDenied
    return organisation


class InboxView(APIView):
    """The receiving organisation's inbox, as the inbox page lists it: urgent first, then by deadline."""

    scope = scopes.REFERRALS_READ

    @extend_schema(
        parameters=[
            OpenApiParameter("box", enum=BOXES, default="new", description="new, overdue, mine or all open"),
            PAGE,
        ],
        responses=paginated("InboxPage", ReferralSummarySerializer),
    )
    def get(self, request: Request) -> Response:
        box = BoxSerializer(data=request.query_params)
        box.is_valid(raise_exception=True)
        organisation = _organisation(request, RECEIVING_ROLES)
        paginator = Page()
        page = paginator.paginate_queryset(
            selectors.inbox_for(request.user, organisation, box=box.validated_data["box"]), request, view=self
        )
        return paginator.get_paginated_response([ReferralSummarySerializer(r).data for r in page or []])


class SentView(APIView):
    """The referrals the client's organisation sent, newest first (the sent page)."""

    scope = scopes.REFERRALS_READ

    @extend_schema(parameters=[PAGE], responses=paginated("SentPage", ReferralSummarySerializer))
    def get(self, request: Request) -> Response:
        organisation = _organisation(request, REFERRING_ROLES)
        paginator = Page()
        page = paginator.paginate_queryset(selectors.sent_by(request.user, organisation=organisation), request, self)
        return paginator.get_paginated_response([ReferralSummarySerializer(r).data for r in page or []])


def _transition(
    request: Request, pk: int, *, act: str, input_class: type[serializers.Serializer] | None, perform: Callable
) -> Response:
    """As the pages' _action_view: the referral (404/403), the input (400), one service (409 when it refuses)."""
    referral = referral_for(request.user, pk, action=act)
    data: dict[str, Any] = {}
    if input_class is not None:
        given = input_class(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
    try:
        done = perform(referral, data)
    except ActionRefused as refused:
        raise ActionNotPossible(refused.message, refused.field) from None
    result = done if isinstance(done, Referral) else referral
    return Response(StateSerializer({"id": result.pk, "reference": str(result), "state": result.state}).data)


_ID = OpenApiParameter("id", int, OpenApiParameter.PATH)


class ReferralViewSet(viewsets.ViewSet):
    """One referral as the client's account may see it, and what it may do with it."""

    # Plain digits that fit a bigint: anything else is no referral (a 404 at routing, no query).
    lookup_value_regex = "[0-9]{1,18}"

    scopes = {
        "retrieve": scopes.REFERRALS_READ,
        "accept": scopes.REFERRALS_ACT,
        "decline": scopes.REFERRALS_ACT,
        "first_contact": scopes.REFERRALS_ACT,
        "attempts": scopes.REFERRALS_ACT,
        "close_unreachable": scopes.REFERRALS_ACT,
        "forward": scopes.REFERRALS_ACT,
        "refer_in_addition": scopes.REFERRALS_ACT,
        "close": scopes.REFERRALS_ACT,
    }

    @extend_schema(parameters=[_ID], responses=ReferralSerializer)
    def retrieve(self, request: Request, pk: int) -> Response:
        # The content shown is logged as an access, as on the referral page.
        return Response(ReferralSerializer(referral_for(request.user, int(pk), shows="visible")).data)

    @extend_schema(parameters=[_ID], request=None, responses=StateSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: int) -> Response:
        return _transition(
            request,
            int(pk),
            act="accept",
            input_class=None,
            perform=lambda r, d: services.referral_accept(referral=r, actor=request.user),
        )

    @extend_schema(parameters=[_ID], request=DeclineSerializer, responses=StateSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request: Request, pk: int) -> Response:
        return _transition(
            request,
            int(pk),
            act="decline",
            input_class=DeclineSerializer,
            perform=lambda r, d: services.referral_decline(referral=r, actor=request.user, **d),
        )

    @extend_schema(parameters=[_ID], request=ContactSerializer, responses=StateSerializer)
    @action(detail=True, methods=["post"], url_path="first-contact")
    def first_contact(self, request: Request, pk: int) -> Response:
        return _transition(
            request,
            int(pk),
            act="record_first_contact",
            input_class=ContactSerializer,
            perform=lambda r, d: services.referral_record_first_contact(referral=r, actor=request.user, **d),
        )

    @extend_schema(parameters=[_ID], request=ContactSerializer, responses=StateSerializer)
    @action(detail=True, methods=["post"])
    def attempts(self, request: Request, pk: int) -> Response:
        return _transition(
            request,
            int(pk),
            act="record_attempt",
            input_class=ContactSerializer,
            perform=lambda r, d: services.referral_record_attempt(referral=r, actor=request.user, **d),
        )

    @extend_schema(parameters=[_ID], request=None, responses=StateSerializer)
    @action(detail=True, methods=["post"], url_path="close-unreachable")
    def close_unreachable(self, request: Request, pk: int) -> Response:
        return _transition(
            request,
            int(pk),
            act="close_unreachable",
            input_class=None,
            perform=lambda r, d: services.referral_close_unreachable(referral=r, actor=request.user),
        )

    @extend_schema(
        parameters=[_ID], request=ReferOnSerializer, responses=StateSerializer, description="Answers the new referral."
    )
    @action(detail=True, methods=["post"])
    def forward(self, request: Request, pk: int) -> Response:
        return _transition(
            request,
            int(pk),
            act="forward",
            input_class=ReferOnSerializer,
            perform=lambda r, d: services.referral_forward(referral=r, actor=request.user, **d),
        )

    @extend_schema(
        parameters=[_ID], request=ReferOnSerializer, responses=StateSerializer, description="Answers the new referral."
    )
    @action(detail=True, methods=["post"], url_path="refer-in-addition")
    def refer_in_addition(self, request: Request, pk: int) -> Response:
        return _transition(
            request,
            int(pk),
            act="refer_in_addition",
            input_class=ReferOnSerializer,
            perform=lambda r, d: services.referral_refer_in_addition(referral=r, actor=request.user, **d),
        )

    @extend_schema(parameters=[_ID], request=CloseSerializer, responses=StateSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: int) -> Response:
        return _transition(
            request,
            int(pk),
            act="close",
            input_class=CloseSerializer,
            perform=lambda r, d: services.referral_close(referral=r, actor=request.user, **d),
        )
