# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""publiccode.yml is valid against the standard's JSON schema (vendored in docs/standards/publiccode/)."""

import copy
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
STANDARD = ROOT / "docs" / "standards" / "publiccode"


def _format_checker() -> jsonschema.FormatChecker:
    """The draft-7 checks, with `uri` checked too: jsonschema checks it only with an extra package."""
    checker = copy.deepcopy(jsonschema.Draft7Validator.FORMAT_CHECKER)

    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return bool(parts.scheme and (parts.netloc or parts.scheme == "urn"))

    return checker


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads((STANDARD / "publiccode.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=_format_checker())


@pytest.fixture
def publiccode() -> dict:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def _problems(validator, document) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def test_publiccode_yml_is_valid_against_the_standard(validator, publiccode):
    assert _problems(validator, publiccode) == []


def test_the_vendored_schema_is_the_one_its_source_names():
    """Vendored whole and unchanged: the file still has the checksum SOURCE.md records."""
    recorded = re.search(r"sha256 \| `([0-9a-f]{64})`", (STANDARD / "SOURCE.md").read_text(encoding="utf-8"))
    assert recorded, "SOURCE.md names no sha256"
    assert hashlib.sha256((STANDARD / "publiccode.schema.json").read_bytes()).hexdigest() == recorded[1]


@pytest.mark.parametrize("key", ["publiccodeYmlVersion", "name", "url", "legal", "maintenance", "description"])
def test_a_publiccode_yml_without_a_required_key_is_refused(validator, publiccode, key):
    del publiccode[key]
    assert any(f"'{key}' is a required property" in problem for problem in _problems(validator, publiccode))


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("developmentStatus",), "finished", "is not one of"),
        (("legal",), {"mainCopyrightOwner": "Overdracht contributors"}, "'license' is a required property"),
        (("description", "nl", "shortDescription"), "x" * 151, "is too long"),
        (("description", "en", "longDescription"), "Too short.", "is too short"),
        (("url",), "overdracht.git", "is not a 'uri'"),
        (("maintenance", "type"), "sometimes", "is not one of"),
        (("intendedAudience", "countries"), ["Nederland"], "does not match"),
        (("platfroms",), ["web"], "'platfroms' was unexpected"),  # a misspelt key
    ],
)
def test_an_invalid_value_is_refused(validator, publiccode, path, value, expected):
    target = publiccode
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert any(expected in problem for problem in _problems(validator, publiccode))


def test_the_licence_is_the_one_in_license(publiccode):
    assert publiccode["legal"]["license"] == "EUPL-1.2"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
