from directory.models.organisations import Organisation
from directory.models.services import Service
from directory.models.taxonomy import Category, Wijk

__all__ = ["Category", "Organisation", "Service", "Wijk"]
