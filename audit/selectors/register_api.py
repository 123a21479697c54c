# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The processing register as JSON in the shape of VNG's register API (gemma-verwerkingenlogging,
`var-api/openapi.yaml`, schema `Verwerkingsactiviteit`).

VNG's fields carry what they can (naam, doel, grondslag, bewaartermijn, ontvangers,
verwerkte persoonsgegevens per rol van de betrokkene). What AVG art. 30 lid 1 asks beyond them
is added under Dutch names of our own in the same style: versie and geldigVanaf (each change a
new version), kenmerk (the URI the audit entries name), the controller's contact, the FG,
the categories of data subjects, the art. 9 lid 2 ground, transfers and security measures.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from policies.data_categories import DataCategory, DataSubject, StaffData
from policies.register import (
    ACTIVITIES,
    CONTROLLER,
    TRANSFERS,
    ProcessingActivity,
    controller_contact,
    dpo,
    security_measures,
)

RESPONSIBLE_BODY = "College van B&W"


def _personal_data(activity: ProcessingActivity) -> list[dict[str, str]]:
    rows = []
    for subject in activity.data_subjects:
        if subject in (DataSubject.STAFF, DataSubject.SIGNALLER):
            names = [str(StaffData(c).label) for c in activity.staff_data]
        else:
            names = [str(DataCategory(c).label) for c in activity.data_categories]
        rows += [{"rolBetrokkene": str(DataSubject(subject).label), "naam": name} for name in names]
    return rows


def verwerkingsactiviteit(activity: ProcessingActivity) -> dict[str, Any]:
    return {
        "id": str(activity.uuid),
        "naam": activity.name,
        "categorie": "Sociaal domein",
        "verantwoordelijkeOrganisatie": settings.REGISTER_CONTROLLER_OIN,
        "verantwoordelijkeBestuursorgaan": RESPONSIBLE_BODY,
        "doel": activity.purpose,
        "grondslag": activity.legal_basis_kind,
        "toelichtingGrondslag": activity.legal_basis,
        "bewaartermijn": activity.retention_text,
        "herkomst": activity.origin,
        # Nobody outside the EEA receives anything (TRANSFERS): the list is empty, not absent.
        "afnemendeInternationaleDerden": [],
        "afnemendeCategorieOntvangers": list(activity.recipient_categories),
        "verwerktePersoonsgegevens": _personal_data(activity),
        # AVG art. 30 lid 1 beyond VNG's fields:
        "versie": activity.version,
        "geldigVanaf": activity.valid_from.isoformat(),
        "kenmerk": activity.uri,
        "toelichtingOntvangers": activity.recipients,
        "verantwoordelijke": {"naam": CONTROLLER, "contact": controller_contact()},
        "functionarisGegevensbescherming": dpo(),
        "categorieenBetrokkenen": activity.data_subject_labels(),
        "bijzonderePersoonsgegevens": {
            "categorieen": [str(DataCategory.HEALTH.label)] if activity.processes_special_categories else [],
            "uitzonderingsgrond": activity.special_category_basis,
        },
        "doorgifteBuitenEer": TRANSFERS,
        "beveiligingsmaatregelen": security_measures(),
    }


def register_list() -> dict[str, Any]:
    """The list response (count, next, previous, results), all on one page."""
    results = [verwerkingsactiviteit(a) for a in ACTIVITIES.values()]
    return {"count": len(results), "next": None, "previous": None, "results": results}


def by_uuid(value: str) -> ProcessingActivity | None:
    return next((a for a in ACTIVITIES.values() if str(a.uuid) == value), None)
