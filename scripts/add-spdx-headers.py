#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Put the SPDX licence header at the top of every Python file of the project; migrations excepted.

    python3 scripts/add-spdx-headers.py           # add it where it is missing
    python3 scripts/add-spdx-headers.py --check   # only list the files without it (exit status 1)

Idempotent: a file that already names an SPDX licence in its first lines is left alone, so it can
run again after any merge. The header goes below a `#!` line and an encoding line, which must
stay first; nothing else in the file changes. tests/test_spdx.py fails on a file without it.
Migrations are left out: Django writes them, and `makemigrations` would not keep a header.
"""

import argparse
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

LICENSE_LINE = "# SPDX-License-Identifier: EUPL-1.2"
HEADER = ["# SPDX-FileCopyrightText: 2026 Overdracht contributors", LICENSE_LINE]
# Folders that are not the project's own code.
SKIPPED_FOLDERS = {"migrations", "node_modules", "static", "staticfiles", "test-artifacts", "__pycache__"}
_FIRST_LINES = re.compile(r"#!|#.*coding[:=]")  # a shebang or encoding line (PEP 263) stays on top
_HEAD = 5  # an SPDX line is looked for in this many first lines


def python_files(root: Path) -> Iterator[Path]:
    """Every .py file under root, outside hidden folders (.venv, .git) and SKIPPED_FOLDERS."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name not in SKIPPED_FOLDERS)
        yield from (Path(folder) / name for name in sorted(files) if name.endswith(".py"))


def has_header(text: str) -> bool:
    return any(line.startswith("# SPDX-License-Identifier:") for line in text.splitlines()[:_HEAD])


def with_header(text: str) -> str:
    if has_header(text):
        return text
    lines = text.splitlines(keepends=True)
    keep = 0
    while keep < min(2, len(lines)) and _FIRST_LINES.match(lines[keep]):
        keep += 1
    if keep and not lines[keep - 1].endswith("\n"):
        lines[keep - 1] += "\n"
    return "".join([*lines[:keep], *(line + "\n" for line in HEADER), *lines[keep:]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file lacks the header")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    missing = []
    for path in python_files(args.root):
        text = path.read_text(encoding="utf-8")
        if has_header(text):
            continue
        missing.append(path.relative_to(args.root))
        if not args.check:
            path.write_text(with_header(text), encoding="utf-8")
    for name in missing:
        print(f"{'missing' if args.check else 'added'}: {name}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
