# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""How /api/v1/schema/ documents the HSDS endpoints: the subset of HSDS 3.0 we fill, field for field.

The output itself is written by `api.hsds`; the tests validate it against the standard's own
compiled schemas (tests/standards/schemas/hsds/), and schemathesis holds it to these.
"""

from __future__ import annotations

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers


class HsdsApiInfoSerializer(serializers.Serializer):
    version = serializers.CharField()
    profile = serializers.URLField()
    openapi_url = serializers.URLField()


class HsdsTaxonomySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()
    version = serializers.CharField(required=False)


class HsdsTaxonomyTermSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField(required=False)
    name = serializers.CharField()
    description = serializers.CharField()
    taxonomy = serializers.CharField(required=False)
    taxonomy_id = serializers.UUIDField(required=False)
    language = serializers.CharField(required=False)


class HsdsAddressSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_id = serializers.UUIDField(required=False)
    address_1 = serializers.CharField()
    city = serializers.CharField()
    region = serializers.CharField(required=False)
    state_province = serializers.CharField()
    postal_code = serializers.CharField()
    country = serializers.CharField()
    address_type = serializers.CharField(help_text="physical, postal or virtual")


class HsdsLocationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_type = serializers.ChoiceField(choices=["physical", "postal", "virtual"])
    organization_id = serializers.UUIDField(required=False)
    name = serializers.CharField(required=False)
    description = serializers.CharField(required=False)
    latitude = serializers.FloatField(required=False)
    longitude = serializers.FloatField(required=False)
    addresses = HsdsAddressSerializer(many=True, required=False)


class HsdsScheduleSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField(required=False)
    location_id = serializers.UUIDField(required=False)
    service_at_location_id = serializers.UUIDField(required=False)
    valid_from = serializers.DateField(required=False)
    valid_to = serializers.DateField(required=False)
    freq = serializers.ChoiceField(choices=["WEEKLY", "MONTHLY"], required=False)
    wkst = serializers.CharField(required=False)
    byday = serializers.CharField(required=False, help_text="RFC 5545 day codes, e.g. TU,TH")
    # HSDS types them as plain strings ("09:30:00", local time), not RFC 3339 times with an offset.
    opens_at = serializers.RegexField(r"^\d{2}:\d{2}:\d{2}$", required=False)
    closes_at = serializers.RegexField(r"^\d{2}:\d{2}:\d{2}$", required=False)
    description = serializers.CharField(required=False)
    attending_type = serializers.CharField(required=False)


class HsdsPhoneSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField(required=False)
    number = serializers.CharField()
    type = serializers.CharField(required=False)
    description = serializers.CharField(required=False)


class HsdsContactSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField(required=False)
    name = serializers.CharField(required=False)
    department = serializers.CharField(required=False)
    email = serializers.EmailField(required=False)
    phones = HsdsPhoneSerializer(many=True, required=False)


class HsdsLanguageSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField(required=False)
    name = serializers.CharField(required=False)
    code = serializers.CharField(required=False, help_text="ISO 639-1")


class HsdsServiceAreaSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField(required=False)
    name = serializers.CharField(required=False)
    extent_type = serializers.CharField(required=False)


class HsdsServiceAtLocationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField(required=False)
    location_id = serializers.UUIDField(required=False)
    description = serializers.CharField(required=False)
    schedules = HsdsScheduleSerializer(many=True, required=False)
    location = HsdsLocationSerializer(required=False)


class HsdsAttributeSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    link_id = serializers.UUIDField(required=False)
    link_type = serializers.CharField(required=False)
    link_entity = serializers.CharField(required=False)
    taxonomy_term_id = serializers.UUIDField(required=False)
    taxonomy_term = HsdsTaxonomyTermSerializer(required=False)


class HsdsOrganizationBriefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()


class HsdsServiceBriefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    organization_id = serializers.UUIDField(required=False)
    name = serializers.CharField()
    description = serializers.CharField(required=False)
    url = serializers.URLField(required=False)
    email = serializers.EmailField(required=False)
    status = serializers.ChoiceField(choices=["active", "inactive", "defunct", "temporarily closed"])
    application_process = serializers.CharField(required=False)
    wait_time = serializers.CharField(required=False)
    eligibility_description = serializers.CharField(required=False)
    minimum_age = serializers.IntegerField(required=False)
    maximum_age = serializers.IntegerField(required=False)
    organization = HsdsOrganizationBriefSerializer(required=False)


class HsdsServiceSerializer(HsdsServiceBriefSerializer):
    phones = HsdsPhoneSerializer(many=True)
    schedules = HsdsScheduleSerializer(many=True)
    service_areas = HsdsServiceAreaSerializer(many=True)
    service_at_locations = HsdsServiceAtLocationSerializer(many=True)
    languages = HsdsLanguageSerializer(many=True)
    contacts = HsdsContactSerializer(many=True)
    attributes = HsdsAttributeSerializer(many=True)


class HsdsOrganizationSerializer(HsdsOrganizationBriefSerializer):
    locations = HsdsLocationSerializer(many=True)
    services = HsdsServiceSerializer(many=True)


def hsds_page(name: str, item: type[serializers.Serializer]) -> serializers.Serializer:
    """The HSDS API's Page object (its openapi.json `#/components/schemas/Page`) with `contents`."""
    return inline_serializer(
        name,
        {
            "total_items": serializers.IntegerField(),
            "total_pages": serializers.IntegerField(),
            "page_number": serializers.IntegerField(),
            "size": serializers.IntegerField(),
            "first_page": serializers.BooleanField(),
            "last_page": serializers.BooleanField(),
            "empty": serializers.BooleanField(),
            "contents": item(many=True),
        },
    )
