# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""For referrers: open a case, read it back, record a consent and send a referral from it, as the case pages do.

The case comes from the access helper `case_for` (404 when the client's account does not work on
it); the services decide (ActionRefused: 409 with the reason, e.g. what the consent misses).
Opening goes the case page's way (referrals.views.case_form.open_from_form: its form, its warning
about a resident who may already have a case, the same service), once per Idempotency-Key.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api import scopes
from api.forms import form_errors, form_values
from api.idempotency import IDEMPOTENCY_KEY, once_per_key
from api.problems import PROBLEM_JSON, ActionNotPossible
from api.schema import PROBLEM
from api.serializers import NamedSerializer, PlainIdField, ReferOnSerializer, StateSerializer
from api.views.referrals import _organisation
from directory.models import Category, Organisation, Wijk
from policies.data_categories import DataCategory
from policies.programme import KOMPAS_GOALS, TARGET_GROUPS
from policies.roles import REFERRING_ROLES
from referrals import services
from referrals.forms import LANGUAGES, CaseOpenForm
from referrals.models import Case, Consent, Referral, State
from referrals.selectors.access import case_for
from referrals.selectors.contacts import regisseur_contact
from referrals.services import ActionRefused
from referrals.views.case_form import open_from_form


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


class CaseOpenSerializer(serializers.Serializer):
    """The case page's form (referrals.forms.CaseOpenForm) in JSON: categories by code, the wijk by id."""

    given_name = serializers.CharField(max_length=100, allow_blank=True, default="")
    family_name = serializers.CharField(max_length=100, allow_blank=True, default="")
    birth_year = serializers.IntegerField(min_value=1900, max_value=9999, allow_null=True, default=None)
    phone = serializers.CharField(max_length=30, allow_blank=True, default="")
    email = serializers.EmailField(allow_blank=True, default="")
    preferred_language = serializers.ChoiceField(choices=[code for code, _label in LANGUAGES], default="nl")
    needs_interpreter = serializers.BooleanField(default=False)
    wijk = serializers.PrimaryKeyRelatedField(
        queryset=Wijk.objects.all(), pk_field=PlainIdField(), allow_null=True, default=None
    )
    categories = serializers.ListField(
        child=serializers.SlugRelatedField(slug_field="code", queryset=Category.objects.all()), default=list
    )
    target_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=[code for code, _label in TARGET_GROUPS]), default=list
    )
    kompas_goals = serializers.ListField(
        child=serializers.ChoiceField(choices=[code for code, _label in KOMPAS_GOALS]), default=list
    )
    confirm_new = serializers.BooleanField(
        default=False,
        help_text="After a 409 possible_match: true opens a new case anyway (as the page's tick box).",
    )


class CaseCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=Case.Status.choices)


class CaseResidentSerializer(serializers.Serializer):
    """As the case page shows the hulpvrager; nothing once their data were erased."""

    given_name = serializers.CharField(required=False)
    family_name = serializers.CharField(required=False)
    phone = serializers.CharField(required=False)
    email = serializers.CharField(required=False)
    preferred_language = serializers.CharField(required=False)
    needs_interpreter = serializers.BooleanField(required=False)
    erased = serializers.BooleanField()


class CaseReferralSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    state = serializers.ChoiceField(choices=State.choices)
    to_organisation = NamedSerializer()


class CaseSerializer(CaseCreatedSerializer):
    """One case as its case page shows it to whoever works on it (the regisseur, the opening organisation)."""

    created_at = serializers.DateTimeField()
    closed_at = serializers.DateTimeField(allow_null=True)
    closed_reason = serializers.CharField(allow_blank=True)
    age_band = serializers.CharField(allow_blank=True)
    wijk = serializers.CharField(allow_null=True)
    categories = serializers.ListField(child=serializers.CharField())
    regisseur = serializers.CharField()
    regisseur_organisation = NamedSerializer()
    resident = CaseResidentSerializer()
    referrals = CaseReferralSerializer(many=True)

    def to_representation(self, case: Case) -> dict[str, Any]:
        return case_detail_of(case)


# The case page's fields this representation shows (logged as the access, as the page logs its own).
CASE_FIELDS_SHOWN = ("resident_name", "contact", "preferred_language", "needs_interpreter")

_CONTACT = {
    "type": "object",
    "nullable": True,
    "required": ["name", "role", "organisation", "phone", "email"],
    "properties": {k: {"type": "string"} for k in ("name", "role", "organisation", "phone", "email")},
}
_PROBLEM: dict[str, Any] = PROBLEM
POSSIBLE_MATCH_PROBLEM = {
    **_PROBLEM,
    "description": (
        "A problem document. With type possible_match, `possible_match`: the resident may already have an "
        "open case — call its regisseur (work contact details, as the case page shows them), or repeat the "
        "call with confirm_new: true. Nothing about that case itself."
    ),
    "properties": {
        **_PROBLEM["properties"],
        "possible_match": {"type": "object", "required": ["regisseur"], "properties": {"regisseur": _CONTACT}},
    },
}


def case_detail_of(case: Case) -> dict[str, Any]:
    resident = case.resident
    shown: dict[str, Any] = {"erased": resident.erased_at is not None}
    if resident.erased_at is None:
        shown |= {
            "given_name": resident.given_name or "",
            "family_name": resident.family_name or "",
            "phone": resident.phone or "",
            "email": resident.email or "",
            "preferred_language": resident.preferred_language or "",
            "needs_interpreter": resident.needs_interpreter,
        }
    referrals = Referral.objects.filter(case=case).select_related("to_organisation").order_by("created_at", "pk")
    datetime = serializers.DateTimeField()
    return {
        "id": case.pk,
        "reference": case.reference,
        "status": case.status,
        "created_at": datetime.to_representation(case.created_at),
        "closed_at": datetime.to_representation(case.closed_at) if case.closed_at else None,
        "closed_reason": case.closed_reason,
        "age_band": case.age_band,
        "wijk": case.wijk.name if case.wijk else None,
        "categories": [c.code for c in case.categories.all()],
        "regisseur": case.regisseur.get_full_name() or case.regisseur.get_username(),
        "regisseur_organisation": {"id": case.regisseur_organisation_id, "name": case.regisseur_organisation.name},
        "resident": shown,
        "referrals": [
            {
                "id": r.pk,
                "reference": str(r),
                "state": r.state,
                "to_organisation": {"id": r.to_organisation_id, "name": r.to_organisation.name},
            }
            for r in referrals
        ],
    }


def _possible_match(existing: Case, message: str) -> ActionNotPossible:
    """The case page's warning: who to call (the regisseur's work contact), nothing about the case."""
    contact = regisseur_contact(existing)
    return ActionNotPossible(
        message,
        "confirm_new",
        code="possible_match",
        extra={"possible_match": {"regisseur": vars(contact) if contact else None}},
    )


_ID = OpenApiParameter("id", int, OpenApiParameter.PATH)


class CaseViewSet(viewsets.ViewSet):
    lookup_value_regex = "[0-9]{1,18}"
    scopes = {
        "create": scopes.CASES_WRITE,
        "retrieve": scopes.CASES_READ,
        "consents": scopes.CASES_WRITE,
        "referrals": scopes.CASES_WRITE,
    }

    @extend_schema(
        parameters=[IDEMPOTENCY_KEY],
        request=CaseOpenSerializer,
        responses={
            201: CaseCreatedSerializer,
            (409, PROBLEM_JSON): OpenApiResponse(
                POSSIBLE_MATCH_PROBLEM,
                description="possible_match: the resident may already have a case (repeat with confirm_new); "
                "refused: the service's reason; in_progress: the same key is still at work",
            ),
        },
        description="Open a case as the case page does. Follow with a consent, then a referral.",
    )
    def create(self, request: Request) -> Response:
        organisation = _organisation(request, REFERRING_ROLES)
        given = CaseOpenSerializer(data=request.data)
        given.is_valid(raise_exception=True)

        def work() -> tuple[Response, str]:
            case = self._open(request, organisation, dict(given.validated_data))
            path = reverse("api:case-detail", args=[case.pk])
            return _created(case, path), path

        def replay(path: str) -> Response:
            pk = int(path.rstrip("/").rsplit("/", 1)[-1])
            return _created(case_for(request.user, pk), path)

        return once_per_key(request, work=work, replay=replay)

    @staticmethod
    def _open(request: Request, organisation: Organisation, data: dict[str, Any]) -> Case:
        form = CaseOpenForm(data=form_values(data))
        refusals: list[ActionRefused] = []

        def open_case(**fields: Any) -> Case:
            try:
                return services.case_open(actor=request.user, organisation=organisation, **fields)
            except ActionRefused as refused:
                refusals.append(refused)  # the page shows it at the field; here it is the service's 409
                raise

        case, existing = open_from_form(form, open_case)
        if case is not None:
            return case
        if refusals:
            raise ActionNotPossible(refusals[0].message, refusals[0].field)
        if existing is not None:
            raise _possible_match(existing, form_errors(form)["confirm_new"][0])
        raise serializers.ValidationError(form_errors(form))

    @extend_schema(parameters=[_ID], responses=CaseSerializer)
    def retrieve(self, request: Request, pk: str) -> Response:
        # What is shown of the resident is logged as an access, as the case page logs it.
        case = case_for(request.user, int(pk), shows=CASE_FIELDS_SHOWN)
        return Response(CaseSerializer(case).data)

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


def _created(case: Case, path: str) -> Response:
    return Response(
        CaseCreatedSerializer({"id": case.pk, "reference": case.reference, "status": case.status}).data,
        status=status.HTTP_201_CREATED,
        headers={"Location": path},
    )
