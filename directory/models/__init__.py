# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from directory.models.locations import Location, Schedule, ServiceAtLocation
from directory.models.organisations import Organisation
from directory.models.services import Capacity, Service, ServiceTarget
from directory.models.taxonomy import Category, Wijk

__all__ = [
    "Capacity",
    "Category",
    "Location",
    "Organisation",
    "Schedule",
    "Service",
    "ServiceAtLocation",
    "ServiceTarget",
    "Wijk",
]
