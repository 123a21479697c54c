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
