# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Validators from the standards' own schema files, vendored in tests/standards/schemas/ (see its README)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.validators import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

SCHEMAS = Path(__file__).parent / "schemas"
LEZEN_ATTRIBUTES = "ldv-lezen-attributes.schema.json"
LEZEN_OPENAPI = "ldv-lezen-openapi.json"
CORE_RECORD = "ldv-core-record.schema.json"
VNG_REGISTER = "vng-var-api-openapi.yaml"
# The one known defect of the vendored file (README): a comma missing after the _comment line.
LEZEN_OPENAPI_DEFECT = re.compile(r'("_comment": "[^"]*")\n(\s*"\$ref")')

# jsonschema checks "uri" only with an optional package; an absolute URI (RFC 3986: scheme ":" rest) it is.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")
FORMATS = FormatChecker()
FORMATS.checks("uri")(lambda value: not isinstance(value, str) or bool(_URI.match(value)))


def raw(name: str) -> str:
    return (SCHEMAS / name).read_text(encoding="utf-8")


@cache
def lezen_openapi() -> dict[str, Any]:
    return json.loads(LEZEN_OPENAPI_DEFECT.sub(r"\1,\n\2", raw(LEZEN_OPENAPI)))


def _registry() -> Registry:
    attributes = json.loads(raw(LEZEN_ATTRIBUTES))
    return Registry().with_resources(
        [
            (LEZEN_ATTRIBUTES, DRAFT202012.create_resource(attributes)),
            # The OpenAPI file refers to it as "./attributes.schema.json", next to itself.
            (LEZEN_ATTRIBUTES.replace("ldv-lezen-", ""), DRAFT4.create_resource(attributes)),
            (LEZEN_OPENAPI, Resource.from_contents(lezen_openapi(), default_specification=DRAFT4)),
        ]
    )


def core_record_validator() -> Draft202012Validator:
    """A log record of the export (one JSON line): the core table, attributes per the lezen attribute schema."""
    schema = json.loads(raw(CORE_RECORD))
    return Draft202012Validator(schema, registry=_registry(), format_checker=FORMATS)


def lezen_validator(component: str) -> Draft4Validator:
    """A schema of the lezen OpenAPI (`#/components/schemas/<component>`), its $refs resolved in the file."""
    schema = {"$ref": f"{LEZEN_OPENAPI}#/components/schemas/{component}"}
    return Draft4Validator(schema, registry=_registry(), format_checker=FORMATS)


@cache
def vng_register_openapi() -> dict[str, Any]:
    return yaml.safe_load(raw(VNG_REGISTER))


def vng_validator(component: str) -> Draft4Validator:
    document = vng_register_openapi()
    registry = Registry().with_resource(VNG_REGISTER, Resource.from_contents(document, default_specification=DRAFT4))
    schema = {"$ref": f"{VNG_REGISTER}#/components/schemas/{component}"}
    return Draft4Validator(schema, registry=registry, format_checker=FORMATS)


def errors(validator: Any, instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


# --- Open Referral HSDS 3.0 (tests/standards/schemas/hsds/, see the README there).
HSDS = SCHEMAS / "hsds"


@cache
def _hsds_document(name: str) -> dict[str, Any]:
    return json.loads((HSDS / name).read_text(encoding="utf-8"))


@cache
def _hsds_registry() -> Registry:
    """Every vendored HSDS file under its own name: the entity schemas refer to each other by file name."""
    names = [path.relative_to(HSDS).as_posix() for path in HSDS.rglob("*.json")]
    return (
        Registry()
        .with_resources(
            (name, DRAFT202012.create_resource(_hsds_document(name))) for name in names if name != "openapi.json"
        )
        .with_resource("openapi.json", Resource.from_contents(_hsds_document("openapi.json"), DRAFT202012))
    )


def hsds_validator(name: str) -> Draft202012Validator:
    """A validator for one HSDS schema file, e.g. "compiled/service.json" or "location.json".

    The files declare no dialect; HSDS's openapi.json declares JSON Schema 2020-12 for them
    (`jsonSchemaDialect`), so that is what validates.
    """
    return Draft202012Validator(_hsds_document(name), registry=_hsds_registry(), format_checker=FORMATS)


def hsds_page_validator() -> Draft202012Validator:
    """The API's paginated Page object (`openapi.json#/components/schemas/Page`), all its fields required."""
    page = {"$ref": "openapi.json#/components/schemas/Page"}
    fields = list(_hsds_document("openapi.json")["components"]["schemas"]["Page"]["properties"])
    # The standard lists the Page's fields without requiring them; a page we serve has every one.
    return Draft202012Validator(
        {"allOf": [page], "required": [*fields, "contents"]}, registry=_hsds_registry(), format_checker=FORMATS
    )
