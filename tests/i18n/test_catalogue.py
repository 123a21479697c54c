# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The English catalogue is complete: every string marked for translation in our code and
templates has an English translation that is neither empty nor fuzzy, and the committed .mo
(which the server reads) says the same as the .po. Plain Python, no gettext tools needed."""

import ast
import gettext
import re
from pathlib import Path

from django.conf import settings
from django.utils.translation.template import templatize

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
# Every package of ours (a new app is scanned without anyone remembering to add it here).
SOURCE_DIRS = sorted(
    p.parent.name for p in Path(settings.BASE_DIR).glob("*/__init__.py") if p.parent.name not in {"tests", "benchmarks"}
)
MARKERS = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy"}


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


def po_entries(path: Path = LOCALE / "django.po") -> list[dict]:
    """Each entry of the .po: msgid, msgid_plural, msgstr (or its plural forms), flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"flags": set(), "obsolete": False}
        field = None
        for line in block.strip().splitlines():
            if line.startswith("#~"):
                entry["obsolete"] = True
            elif line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[field] += _unquote(line)
            else:
                field, _, value = line.partition(" ")
                entry[field] = _unquote(value)
        if "msgid" in entry or entry["obsolete"]:
            entries.append(entry)
    return entries


def marked_in_python() -> set[str]:
    found = set()
    for directory in SOURCE_DIRS:
        for path in (Path(settings.BASE_DIR) / directory).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.add(node.args[0].value)
    return found


_TEMPLATE_CALL = re.compile(r"\b(?:n?gettext)\((u'(?:[^'\\]|\\.)*')")


def marked_in_templates() -> set[str]:
    found = set()
    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        for literal in _TEMPLATE_CALL.findall(templatize(path.read_text(encoding="utf-8"))):
            found.add(ast.literal_eval(literal[1:]))
    return found


def translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_every_entry_of_the_english_catalogue_is_translated_and_not_fuzzy():
    entries = [e for e in po_entries() if e.get("msgid")]
    assert len(entries) > 1000
    untranslated = [e["msgid"] for e in entries if not all(translations(e))]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    obsolete = [e for e in po_entries() if e["obsolete"]]
    assert not untranslated, untranslated
    assert not fuzzy, fuzzy
    assert not obsolete, "run makemessages with --no-obsolete"


def test_every_string_marked_in_code_and_templates_is_in_the_catalogue():
    in_catalogue = {e["msgid"] for e in po_entries() if e.get("msgid")}
    python, templates = marked_in_python(), marked_in_templates()
    assert len(python) > 400 and len(templates) > 400  # the scan finds what is there
    assert {"accounts", "config", "jobs", "referrals"} <= set(SOURCE_DIRS)
    missing = sorted((python | templates) - in_catalogue)
    assert not missing, f"run makemessages -l en and translate: {missing}"


def test_the_compiled_catalogue_matches_the_po():
    with (LOCALE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = [
        e["msgid"]
        for e in po_entries()
        if e.get("msgid") and "msgid_plural" not in e and compiled.gettext(e["msgid"]) != e["msgstr"]
    ]
    assert not stale, f"run compilemessages: {stale[:5]}"
