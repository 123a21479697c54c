# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The directory in the shape of Open Referral HSDS 3.0 (`schema/compiled/*.json` of the standard).

Ids are UUIDs. Organisations, services, categories, locations, services at a location and
schedules carry their own; what we keep as a field of something else (a service's phone, its
contact point, a language, a location's address, a wijk as a service area, a category on a
service) gets a UUID derived from its owner's (uuid5), so it is the same on every call and on
every server. HSDS types are not nullable: a value we do not have is left out, never null.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Prefetch, QuerySet

from directory.models import Category, Location, Organisation, Schedule, Service, ServiceAtLocation
from directory.selectors.directory import directory_search
from policies.programme import TARGET_GROUPS
from referrals.forms import LANGUAGES

HSDS_VERSION = "3.0"
# Our namespace for the UUIDs derived from an owner's UUID.
NAMESPACE = uuid.UUID("6f0d6a9e-3c55-4f43-9a4c-1b5c6e2d8a71")
TAXONOMY_ID = uuid.UUID("0b8e4f0e-5d2c-4c47-9a3f-6c1e2a7d9b10")
TAXONOMY_NAME = "Overdracht: soorten hulpvraag"
# A service without wijken serves the whole municipality.
MUNICIPALITY = "Leidschendam-Voorburg"
PROVINCE = "Zuid-Holland"


def derived_id(owner: uuid.UUID, what: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{owner}:{what}"))


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """HSDS fields are strings, numbers and arrays, never null: drop what we do not have."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


# --- reads -----------------------------------------------------------------------------------


def hsds_services() -> QuerySet[Service]:
    """The services the Wegwijzer lists, with everything the HSDS service object nests."""
    # directory_search prefetches the categories, wijken, schedules (in their order) and locations.
    return directory_search().prefetch_related(
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location__wijk", "location__organisation").order_by(
                "pk"
            ),
        ),
    )


def hsds_organisations() -> QuerySet[Organisation]:
    """The partners with a covenant, as the existing directory endpoint lists them."""
    return Organisation.objects.filter(agreement_signed_on__isnull=False).order_by("name", "pk")


def hsds_locations() -> QuerySet[Location]:
    return Location.objects.select_related("organisation", "wijk").order_by("name", "pk")


def hsds_categories() -> QuerySet[Category]:
    return Category.objects.order_by("group", "name", "pk")


# --- the objects -----------------------------------------------------------------------------


def taxonomy() -> dict[str, Any]:
    return {
        "id": str(TAXONOMY_ID),
        "name": TAXONOMY_NAME,
        "description": "De soorten hulpvraag waarmee verwijzers en partners een vraag en een dienst typeren.",
        "version": "1",
    }


def taxonomy_term(category: Category) -> dict[str, Any]:
    return _clean(
        {
            "id": str(category.uuid),
            "code": category.code,
            "name": category.name,
            "description": category.group or category.name,
            "taxonomy": TAXONOMY_NAME,
            "taxonomy_id": str(TAXONOMY_ID),
            "language": "nl",
        }
    )


def _address(location: Location) -> list[dict[str, Any]]:
    if not (location.address_1 and location.postal_code and location.city):
        return []  # HSDS requires street, postcode and city: a partial address is left out
    return [
        {
            "id": derived_id(location.uuid, "address:physical"),
            "location_id": str(location.uuid),
            "address_1": location.address_1,
            "city": location.city,
            "region": location.wijk.name if location.wijk is not None else MUNICIPALITY,
            "state_province": PROVINCE,
            "postal_code": location.postal_code,
            "country": "NL",
            "address_type": "physical",
        }
    ]


def location(place: Location) -> dict[str, Any]:
    return _clean(
        {
            "id": str(place.uuid),
            "location_type": "physical",
            "organization_id": str(place.organisation.uuid) if place.organisation is not None else None,
            "name": place.name,
            "description": place.description,
            "latitude": float(place.latitude) if place.latitude is not None else None,
            "longitude": float(place.longitude) if place.longitude is not None else None,
            "addresses": _address(place),
        }
    )


def schedule(rule: Schedule, service_at_location: ServiceAtLocation | None = None) -> dict[str, Any]:
    return _clean(
        {
            "id": str(rule.uuid),
            "service_id": str(rule.service.uuid),
            "location_id": str(service_at_location.location.uuid) if service_at_location else None,
            "service_at_location_id": str(service_at_location.uuid) if service_at_location else None,
            "valid_from": rule.valid_from.isoformat() if rule.valid_from else None,
            "valid_to": rule.valid_to.isoformat() if rule.valid_to else None,
            "freq": rule.freq,
            "wkst": "MO" if rule.freq else None,
            "byday": rule.byday,
            "opens_at": rule.opens_at.isoformat() if rule.opens_at else None,
            "closes_at": rule.closes_at.isoformat() if rule.closes_at else None,
            "description": rule.description,
            "attending_type": "in_person",
        }
    )


def _languages(service: Service) -> list[dict[str, Any]]:
    names = dict(LANGUAGES)
    return [
        {
            "id": derived_id(service.uuid, f"language:{code}"),
            "service_id": str(service.uuid),
            "name": str(names[code]),
            "code": code,  # ISO 639-1
        }
        for code in service.languages or []
        if code in names and code != "other"
    ]


def _phones(service: Service) -> list[dict[str, Any]]:
    if not service.contact_phone:
        return []
    return [
        {
            "id": derived_id(service.uuid, "phone"),
            "service_id": str(service.uuid),
            "number": service.contact_phone,
            "type": "voice",
            "description": "Voor verwijzers",
        }
    ]


def _contacts(service: Service) -> list[dict[str, Any]]:
    """The service's contact point for professionals: a function and its mailbox, not a resident."""
    if not (service.contact_name or service.contact_email):
        return []
    return [
        _clean(
            {
                "id": derived_id(service.uuid, "contact"),
                "service_id": str(service.uuid),
                "name": service.contact_name,
                "department": service.name,
                "email": service.contact_email,
                "phones": _phones(service),
            }
        )
    ]


def _service_areas(service: Service) -> list[dict[str, Any]]:
    wijken = [wijk.name for wijk in service.wijken.all()] or [MUNICIPALITY]
    return [
        {
            "id": derived_id(service.uuid, f"service_area:{name}"),
            "service_id": str(service.uuid),
            "name": name,
            "extent_type": "wijk" if name != MUNICIPALITY else "gemeente",
        }
        for name in wijken
    ]


def _attributes(service: Service) -> list[dict[str, Any]]:
    """The categories of need, linked the HSDS 3.0 way: an attribute per taxonomy term."""
    return [
        {
            "id": derived_id(service.uuid, f"attribute:{category.uuid}"),
            "link_id": str(service.uuid),
            "link_type": "taxonomy_term",
            "link_entity": "service",
            "taxonomy_term_id": str(category.uuid),
            "taxonomy_term": taxonomy_term(category),
        }
        for category in service.categories.all()
    ]


def _eligibility(service: Service) -> str:
    labels = dict(TARGET_GROUPS)
    groups = [str(labels[group]) for group in service.target_groups or [] if group in labels]
    return ". ".join(part for part in (", ".join(groups), service.eligibility) if part)


def organization_brief(organisation: Organisation) -> dict[str, Any]:
    """The one-to-one fields of an organisation (organization_list.json)."""
    return {
        "id": str(organisation.uuid),
        "name": organisation.name,
        "description": organisation.domains or organisation.get_kind_display(),
    }


def service_brief(service: Service) -> dict[str, Any]:
    """The one-to-one fields of a service and its organisation (service_list.json)."""
    return _clean(
        {
            "id": str(service.uuid),
            "organization_id": str(service.organisation.uuid),
            "name": service.name,
            "description": service.description,
            "url": service.website,
            "email": service.contact_email,
            "status": "active" if service.is_active() else "inactive",
            "application_process": "Verwijzen via Overdracht, met toestemming van de inwoner.",
            "wait_time": str(service.capacity_note()) or None,
            "eligibility_description": _eligibility(service),
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "organization": organization_brief(service.organisation),
        }
    )


def service(item: Service) -> dict[str, Any]:
    """A fully nested service (compiled/service.json)."""
    at_locations = list(item.service_at_locations.all())
    located = {place.location_id: place for place in at_locations}
    schedules = list(item.schedules.all())
    return {
        **service_brief(item),
        "phones": _phones(item),
        "schedules": [schedule(rule) for rule in schedules if rule.location_id not in located],
        "service_areas": _service_areas(item),
        "service_at_locations": [
            {
                "id": str(place.uuid),
                "service_id": str(item.uuid),
                "location_id": str(place.location.uuid),
                **({"description": place.description} if place.description else {}),
                "schedules": [schedule(rule, place) for rule in schedules if rule.location_id == place.location_id],
                "location": location(place.location),
            }
            for place in at_locations
        ],
        "languages": _languages(item),
        "contacts": _contacts(item),
        "attributes": _attributes(item),
    }


def organization(organisation: Organisation, services: QuerySet[Service]) -> dict[str, Any]:
    """A nested organisation (compiled/organization.json) with its services in full."""
    return {
        **organization_brief(organisation),
        "locations": [location(place) for place in organisation.locations.all()],
        "services": [service(item) for item in services.filter(organisation=organisation)],
    }


def page(paginator: Any, contents: list[dict[str, Any]]) -> dict[str, Any]:
    """The HSDS API's Page object (openapi.json `#/components/schemas/Page`) around `contents`."""
    current = paginator.page
    return {
        "total_items": current.paginator.count,
        "total_pages": current.paginator.num_pages,
        "page_number": current.number,
        "size": len(contents),
        "first_page": not current.has_previous(),
        "last_page": not current.has_next(),
        "empty": current.paginator.count == 0,
        "contents": contents,
    }
