# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What the API shows and accepts. A referral shows only the fields the policy lets the client see.

The output is written out by hand from `referral.fields` (policies.referrals.visible_fields, set by
the access helper): a field the client may not see is left out, never read (so never decrypted).
The serializer classes document that shape in the OpenAPI schema; content fields are optional there.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from directory.models import Category, Service
from policies.data_categories import DataCategory
from referrals.models import ContactWay, DeclineReason, LegalBasis, Outcome, Referral, State, Urgency
from referrals.selectors.referrals import is_overdue


class NamedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ReferralSummarySerializer(serializers.Serializer):
    """One row of the inbox: what a receiving partner sees before it accepts (no content)."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    state = serializers.ChoiceField(choices=State.choices)
    service = NamedSerializer()
    from_organisation = NamedSerializer()
    to_organisation = NamedSerializer()
    categories = serializers.ListField(child=serializers.CharField())
    urgency = serializers.ChoiceField(choices=Urgency.choices)
    wijk = serializers.CharField(allow_null=True)
    sent_at = serializers.DateTimeField(allow_null=True)
    respond_by = serializers.DateTimeField(allow_null=True)
    overdue = serializers.BooleanField()

    def to_representation(self, instance: Referral) -> dict[str, Any]:
        return summary_of(instance)


class ResidentSerializer(serializers.Serializer):
    given_name = serializers.CharField(required=False)
    family_name = serializers.CharField(required=False)
    phone = serializers.CharField(required=False)
    email = serializers.CharField(required=False)
    preferred_language = serializers.CharField(required=False)
    needs_interpreter = serializers.BooleanField(required=False)
    age_band = serializers.CharField()


class FirstContactSerializer(serializers.Serializer):
    on = serializers.DateField()
    way = serializers.ChoiceField(choices=ContactWay.choices)
    note = serializers.CharField(allow_blank=True)


class ReferralSerializer(ReferralSummarySerializer):
    """One referral: the metadata always, content only where the policy shows it in this state."""

    age_band = serializers.CharField()
    decline_reason = serializers.CharField(allow_blank=True)
    outcome = serializers.CharField(allow_blank=True)
    allowed_actions = serializers.ListField(child=serializers.CharField())
    resident = ResidentSerializer(required=False)
    summary = serializers.CharField(required=False)
    legal_basis_justification = serializers.CharField(required=False)
    decline_note = serializers.CharField(required=False)
    first_contact = FirstContactSerializer(required=False, allow_null=True)
    outcome_note = serializers.CharField(required=False)
    assignee = serializers.CharField(required=False, allow_null=True)

    def to_representation(self, instance: Referral) -> dict[str, Any]:
        return detail_of(instance)


def _named(obj: Any) -> dict[str, Any]:
    return {"id": obj.pk, "name": obj.name}


def summary_of(referral: Referral) -> dict[str, Any]:
    return {
        "id": referral.pk,
        "reference": str(referral),
        "state": referral.state,
        "service": _named(referral.service),
        "from_organisation": _named(referral.from_organisation),
        "to_organisation": _named(referral.to_organisation),
        "categories": [c.code for c in referral.categories.all()],
        "urgency": referral.urgency,
        "wijk": referral.case.wijk.name if referral.case.wijk else None,
        "sent_at": serializers.DateTimeField().to_representation(referral.sent_at) if referral.sent_at else None,
        "respond_by": serializers.DateTimeField().to_representation(referral.respond_by)
        if referral.respond_by
        else None,
        "overdue": is_overdue(referral),
    }


def detail_of(referral: Referral) -> dict[str, Any]:
    """As the referral page shows it (templates/referrals/detail.html), by the same field names."""
    fields = referral.fields
    resident = referral.case.resident
    data = summary_of(referral) | {
        "age_band": resident.age_band,
        "decline_reason": referral.decline_reason,
        "outcome": referral.outcome,
        "allowed_actions": sorted(getattr(referral, "allowed", ())),
    }
    shown: dict[str, Any] = {"age_band": resident.age_band}
    if "resident_name" in fields:
        shown |= {"given_name": resident.given_name or "", "family_name": resident.family_name or ""}
    if "contact" in fields:
        shown |= {"phone": resident.phone or "", "email": resident.email or ""}
    if "preferred_language" in fields:
        shown |= {
            "preferred_language": resident.preferred_language or "",
            "needs_interpreter": resident.needs_interpreter,
        }
    data["resident"] = shown
    if "summary" in fields:
        data["summary"] = referral.summary or ""
    if "legal_basis_justification" in fields:
        data["legal_basis_justification"] = referral.legal_basis_justification or ""
    if "decline_note" in fields:
        data["decline_note"] = referral.decline_note or ""
    if "first_contact" in fields:
        data["first_contact"] = (
            {
                "on": referral.first_contact_on.isoformat(),
                "way": referral.first_contact_way,
                "note": referral.first_contact_note or "",
            }
            if referral.first_contact_on
            else None
        )
    if "outcome_note" in fields:
        data["outcome_note"] = referral.outcome_note or ""
    if "assignee" in fields:
        assignee = referral.assignee
        data["assignee"] = (assignee.get_full_name() or assignee.username) if assignee else None
    return data


class StateSerializer(serializers.Serializer):
    """What a transition answers: where the referral is now (fetch it to see more; that is logged)."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    state = serializers.ChoiceField(choices=State.choices)


# --- input ------------------------------------------------------------------------------------


class PlainIdField(serializers.IntegerField):
    """An id that fits a database bigint: larger numbers are a validation error, not an overflow."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=2**63 - 1, **kwargs)


class DeclineSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=DeclineReason.choices)
    note = serializers.CharField(max_length=2000, allow_blank=True, required=False, default="")


class ContactSerializer(serializers.Serializer):
    on = serializers.DateField()
    way = serializers.ChoiceField(choices=ContactWay.choices)
    note = serializers.CharField(max_length=2000, allow_blank=True, required=False, default="")


class CloseSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    note = serializers.CharField(max_length=2000, allow_blank=True, required=False, default="")


class ReferOnSerializer(serializers.Serializer):
    """Forward or refer in addition: the minimum is shared by default, the summary written anew."""

    service = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), pk_field=PlainIdField())
    summary = serializers.CharField(max_length=4000)
    categories = serializers.ListField(
        child=serializers.SlugRelatedField(slug_field="code", queryset=Category.objects.all()), min_length=1
    )
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    shared_data = serializers.ListField(child=serializers.ChoiceField(choices=DataCategory.choices), default=list)
    legal_basis = serializers.ChoiceField(choices=LegalBasis.choices, default=LegalBasis.CONSENT)
    legal_basis_justification = serializers.CharField(max_length=2000, allow_blank=True, required=False, default="")


class OrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()


class ServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    organisation = NamedSerializer()
    categories = serializers.ListField(child=serializers.CharField())
    languages = serializers.ListField(child=serializers.CharField())
    location = serializers.CharField(allow_blank=True)
    walk_in_hours = serializers.CharField(allow_blank=True)
    eligibility = serializers.CharField(allow_blank=True)
    response_days = serializers.IntegerField()
    capacity = serializers.CharField()

    def to_representation(self, service: Service) -> dict[str, Any]:
        return {
            "id": service.pk,
            "name": service.name,
            "description": service.description,
            "organisation": _named(service.organisation),
            "categories": [c.code for c in service.categories.all()],
            "languages": [str(language) for language in service.languages or []],
            "location": service.location.name if service.location else "",
            "walk_in_hours": service.walk_in_hours,
            "eligibility": service.eligibility,
            "response_days": service.response_days,
            "capacity": service.capacity,
        }
