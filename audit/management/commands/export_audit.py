# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Export the audit trail as JSON lines (Logboek Dataverwerkingen fields) or CSV."""

from django.core.management.base import CommandError

from audit.selectors.export import lines
from audit.selectors.search import AuditQuery, entries
from audit.services.trace import TracedCommand
from config.arguments import day


class Command(TracedCommand):
    help = "Export audit entries, oldest first: --format jsonl|csv, --since/--until YYYY-MM-DD (inclusive)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--since", type=day)
        parser.add_argument("--until", type=day)
        parser.add_argument("--pseudonym", default="")
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        query = AuditQuery(pseudonym=options["pseudonym"], since=options["since"], until=options["until"])
        selected = entries(query).order_by("id").iterator(chunk_size=2000)
        if options["output"]:
            try:
                out = open(options["output"], "w", encoding="utf-8", newline="")
            except OSError as exc:
                raise CommandError(f"cannot write {options['output']}: {exc.strerror}") from None
            with out:
                out.writelines(lines(selected, options["format"]))
        else:
            for line in lines(selected, options["format"]):
                self.stdout.write(line, ending="")
