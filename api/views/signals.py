# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Signals through the API: the signaller's door (hand in, status, add information) and the signal desk.

As the signal pages: the page's form checks the input, the same service (signals.services) decides
and audits, the same one-way-in selectors answer 404 for a signal the client may not see. A
signaller organisation (a housing corporation, an energy supplier) sees of its own signals only the
status in three words — received, picked up, closed — never what became of them (a case opened from
a signal reads "picked up"). A signal desk reads its queue, picks a signal up and closes it with a reason.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from drf_spectacular.drainage import set_override
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.selectors.actor import actor_for
from api import scopes
from api.forms import validated_by_form
from api.idempotency import IDEMPOTENCY_KEY, once_per_key
from api.problems import ActionNotPossible
from api.serializers import PlainIdField
from api.views.referrals import PAGE, Page, _organisation, paginated
from directory.models import Category, Wijk
from policies.roles import Role
from policies.signals import (
    SIGNAL_DESK_ROLES,
    SIGNALLER_STATUS_CODE,
    CloseReason,
    SignalStatus,
    signal_policy,
    signaller_status,
)
from referrals.forms import LANGUAGES
from referrals.models import crypto
from referrals.services.errors import ActionRefused
from signals.forms import AdditionForm, CloseForm, SignalForm, hand_in_arguments
from signals.models import Signal
from signals.selectors.signals import desk_ids, desk_inbox, signal_for_desk, signal_for_signaller, signals_of_signaller
from signals.services.signals import signal_add_information, signal_close, signal_hand_in, signal_pick_up
from signals.views.desk import SIGNAL_PAGE_FIELDS

_ID = OpenApiParameter("id", int, OpenApiParameter.PATH)


def _page_of(name: str, item: type[serializers.Serializer]) -> serializers.Serializer:
    """`paginated`, for a viewset's `list`: one page object (drf-spectacular would make it an array of pages)."""
    return set_override(paginated(name, item), "many", False)


_SIGNALLER_CODES = sorted(set(SIGNALLER_STATUS_CODE.values()))


def _refused(refused: ActionRefused) -> ActionNotPossible:
    return ActionNotPossible(refused.message, refused.field)


# --- the signaller ----------------------------------------------------------------------------


class SignalInSerializer(serializers.Serializer):
    """The signal form (signals.forms.SignalForm) in JSON: the minimum, and contact data only if the resident agreed."""

    categories = serializers.ListField(
        child=serializers.SlugRelatedField(slug_field="code", queryset=Category.objects.all()), default=list
    )
    wijk = serializers.PrimaryKeyRelatedField(
        queryset=Wijk.objects.all(), pk_field=PlainIdField(), allow_null=True, default=None
    )
    concern = serializers.CharField(
        max_length=2000, allow_blank=True, default="", help_text="The concern in a few sentences; no names."
    )
    resident_knows = serializers.BooleanField(default=False)
    resident_agreed_to_contact = serializers.BooleanField(default=False)
    contact_name = serializers.CharField(max_length=100, allow_blank=True, default="")
    phone = serializers.CharField(max_length=30, allow_blank=True, default="")
    email = serializers.EmailField(allow_blank=True, default="")
    preferred_language = serializers.ChoiceField(choices=[code for code, _label in LANGUAGES], default="nl")


class AdditionInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000)


class SignalStatusSerializer(serializers.Serializer):
    """What the signaller's page shows of their own signal: reference, date, wijk, status. Nothing else."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    handed_in_on = serializers.DateField()
    wijk = serializers.CharField()
    status = serializers.ChoiceField(choices=_SIGNALLER_CODES)
    status_label = serializers.CharField()
    may_add_information = serializers.BooleanField()

    def to_representation(self, signal: Signal) -> dict[str, Any]:
        return {
            "id": signal.pk,
            "reference": signal.reference,
            "handed_in_on": signal.created_at.date().isoformat(),
            "wijk": signal.wijk.name,
            "status": SIGNALLER_STATUS_CODE[signal.status],
            "status_label": signaller_status(signal.status),
            # As the page's "aanvullen" link (policies.signals.may_add_information: the same rule).
            "may_add_information": signal.status == SignalStatus.RECEIVED,
        }


class SignalViewSet(viewsets.ViewSet):
    """A signaller organisation's own signals (the client's account is a signaller there)."""

    lookup_value_regex = "[0-9]{1,18}"
    scopes = {
        "list": scopes.SIGNALS_READ,
        "retrieve": scopes.SIGNALS_READ,
        "create": scopes.SIGNALS_WRITE,
        "additions": scopes.SIGNALS_WRITE,
    }

    @extend_schema(parameters=[PAGE], responses=_page_of("SignalPage", SignalStatusSerializer))
    def list(self, request: Request) -> Response:
        organisation = _organisation(request, {Role.SIGNALLER})
        paginator = Page()
        signals = signals_of_signaller(request.user).filter(signalled_by_organisation=organisation)
        page = paginator.paginate_queryset(signals, request, view=self)
        return paginator.get_paginated_response([SignalStatusSerializer(s).data for s in page or []])

    @extend_schema(parameters=[_ID], responses=SignalStatusSerializer)
    def retrieve(self, request: Request, pk: str) -> Response:
        return Response(SignalStatusSerializer(signal_for_signaller(request.user, int(pk))).data)

    @extend_schema(
        parameters=[IDEMPOTENCY_KEY],
        request=SignalInSerializer,
        responses={201: SignalStatusSerializer},
        description="Hand in a signal, as the signal form does. The signal desks pick it up.",
    )
    def create(self, request: Request) -> Response:
        organisation = _organisation(request, {Role.SIGNALLER})
        given = SignalInSerializer(data=request.data)
        given.is_valid(raise_exception=True)

        def work() -> tuple[Response, str]:
            data = validated_by_form(SignalForm, dict(given.validated_data))
            try:
                signal = signal_hand_in(actor=request.user, organisation=organisation, **hand_in_arguments(data))
            except ActionRefused as refused:
                raise _refused(refused) from None
            path = reverse("api:signal-detail", args=[signal.pk])
            return _status(signal, status.HTTP_201_CREATED, path), path

        def replay(path: str) -> Response:
            pk = int(path.rstrip("/").rsplit("/", 1)[-1])
            return _status(signal_for_signaller(request.user, pk), status.HTTP_201_CREATED, path)

        return once_per_key(request, work=work, replay=replay)

    @extend_schema(parameters=[_ID], request=AdditionInSerializer, responses={201: SignalStatusSerializer})
    @action(detail=True, methods=["post"])
    def additions(self, request: Request, pk: str) -> Response:
        """Add information, until a professional picked the signal up (then 409)."""
        signal = signal_for_signaller(request.user, int(pk))
        given = AdditionInSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = validated_by_form(AdditionForm, dict(given.validated_data))
        try:
            signal_add_information(signal=signal, actor=request.user, text=data["text"])
        except ActionRefused as refused:
            raise _refused(refused) from None
        return _status(signal_for_signaller(request.user, signal.pk), status.HTTP_201_CREATED)


def _status(signal: Signal, code: int, location: str = "") -> Response:
    return Response(
        SignalStatusSerializer(signal).data, status=code, headers={"Location": location} if location else None
    )


# --- the signal desk ----------------------------------------------------------------------------

DESK_BOXES = ("new", "picked_up")


class DeskRowSerializer(serializers.Serializer):
    """A row of the signal desk's inbox page."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=SignalStatus.choices)
    categories = serializers.ListField(child=serializers.CharField())
    wijk = serializers.CharField()
    resident_agreed_to_contact = serializers.BooleanField()
    handed_in_at = serializers.DateTimeField()

    def to_representation(self, signal: Signal) -> dict[str, Any]:
        return {
            "id": signal.pk,
            "reference": signal.reference,
            "status": signal.status,
            "categories": [c.code for c in signal.categories.all()],
            "wijk": signal.wijk.name,
            "resident_agreed_to_contact": signal.resident_agreed_to_contact,
            "handed_in_at": serializers.DateTimeField().to_representation(signal.created_at),
        }


class DeskContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()


class DeskSignalSerializer(DeskRowSerializer):
    """One signal as the desk's signal page shows it: the concern, the additions, the contact if agreed."""

    resident_knows = serializers.BooleanField()
    picked_up_by_organisation = serializers.CharField(allow_null=True)
    concern = serializers.CharField()
    additions = serializers.ListField(child=serializers.CharField())
    contact = DeskContactSerializer(allow_null=True)
    allowed_actions = serializers.ListField(child=serializers.ChoiceField(choices=["pick_up", "close", "open_case"]))

    def to_representation(self, signal: Signal) -> dict[str, Any]:
        resident = signal.resident
        contact = None
        if signal.resident_agreed_to_contact:
            try:
                contact = {"name": resident.given_name, "phone": resident.phone, "email": resident.email}
            except crypto.DataErased:
                contact = None
        return super().to_representation(signal) | {
            "resident_knows": signal.resident_knows,
            "picked_up_by_organisation": str(signal.picked_up_by_organisation)
            if signal.picked_up_by_organisation
            else None,
            "concern": signal.concern,
            "additions": [a.text for a in signal.additions.all()],
            "contact": contact,
            "allowed_actions": getattr(signal, "allowed", []),
        }


class CloseInSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=CloseReason.choices)


class DeskBoxSerializer(serializers.Serializer):
    box = serializers.ChoiceField(choices=DESK_BOXES, default="new")


class SignalDeskViewSet(viewsets.ViewSet):
    """The signal desk of the client's organisation: its queue, one signal, pick up, close with a reason."""

    lookup_value_regex = "[0-9]{1,18}"
    scopes = {
        "list": scopes.SIGNALS_DESK,
        "retrieve": scopes.SIGNALS_DESK,
        "pick_up": scopes.SIGNALS_DESK,
        "close": scopes.SIGNALS_DESK,
    }

    @extend_schema(
        parameters=[
            OpenApiParameter("box", enum=DESK_BOXES, default="new", description="new, or picked up by this desk"),
            PAGE,
        ],
        responses=_page_of("SignalDeskPage", DeskRowSerializer),
    )
    def list(self, request: Request) -> Response:
        box = DeskBoxSerializer(data=request.query_params)
        box.is_valid(raise_exception=True)
        _desk(request)
        paginator = Page()
        page = paginator.paginate_queryset(desk_inbox(request.user)[box.validated_data["box"]], request, view=self)
        return paginator.get_paginated_response([DeskRowSerializer(s).data for s in page or []])

    @extend_schema(parameters=[_ID], responses=DeskSignalSerializer)
    def retrieve(self, request: Request, pk: str) -> Response:
        # What the signal page shows is logged as an access, as that page logs it.
        signal = signal_for_desk(request.user, int(pk), shows=SIGNAL_PAGE_FIELDS)
        return Response(DeskSignalSerializer(_with_allowed(request, signal)).data)

    @extend_schema(parameters=[_ID], request=None, responses=DeskRowSerializer)
    @action(detail=True, methods=["post"], url_path="pick-up")
    def pick_up(self, request: Request, pk: str) -> Response:
        organisation = _desk(request)
        signal = signal_for_desk(request.user, int(pk))
        try:
            done = signal_pick_up(signal=signal, actor=request.user, organisation=organisation)
        except ActionRefused as refused:
            raise _refused(refused) from None
        return Response(DeskRowSerializer(done).data)

    @extend_schema(parameters=[_ID], request=CloseInSerializer, responses=DeskRowSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str) -> Response:
        _desk(request)
        signal = signal_for_desk(request.user, int(pk))
        given = CloseInSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = validated_by_form(CloseForm, dict(given.validated_data))
        try:
            done = signal_close(signal=signal, actor=request.user, reason=data["reason"])
        except ActionRefused as refused:
            raise _refused(refused) from None
        return Response(DeskRowSerializer(done).data)


def _desk(request: Request) -> Any:
    """The client's organisation, if it is a signal desk where its account works with residents (else 403)."""
    organisation = _organisation(request, SIGNAL_DESK_ROLES)
    if organisation.pk not in desk_ids():
        raise PermissionDenied
    return organisation


def _with_allowed(request: Request, signal: Signal) -> Signal:
    actor, desks = actor_for(request.user), desk_ids()
    organisation = request.api_client.organisation.pk
    checks = {
        "pick_up": signal_policy.may_pick_up(actor, signal, organisation, desks),
        "close": signal_policy.may_close(actor, signal, desks),
        "open_case": signal_policy.may_open_case(actor, signal, desks),
    }
    signal.allowed = sorted(name for name, allowed in checks.items() if allowed)  # type: ignore[attr-defined]
    return signal
