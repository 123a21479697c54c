# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Walk the audit trail's hash chain; exit non-zero at the first changed, removed or inserted entry."""

import argparse
import re

from django.core.management.base import CommandError

from audit.services.chain import Anchor, verify
from audit.services.chain_jobs import MAX_JOBS, default_jobs
from audit.services.trace import TracedCommand
from config.arguments import positive_int

_ANCHOR = re.compile(r"([1-9][0-9]*):([0-9a-f]{64})")


def anchor_argument(text: str) -> Anchor:
    """`ID:HASH` as printed after "Chain head:". Anything else is refused, an empty value too:
    a check that is silently skipped would read as a check that passed."""
    found = _ANCHOR.fullmatch(text.strip())
    if found is None:
        raise argparse.ArgumentTypeError(
            f"--anchor must look like ID:HASH, as printed after 'Chain head:' by an earlier run (got {text!r})"
        )
    return Anchor(int(found[1]), found[2])


class Command(TracedCommand):
    help = "Verify the hash chain of the audit trail."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=positive_int, default=5000)
        parser.add_argument(
            "--jobs",
            type=positive_int,
            help=f"Processes that verify parts of the trail at once (PostgreSQL; at most {MAX_JOBS}). "
            "Default: one per CPU on PostgreSQL, 1 on SQLite. A small trail is verified in one.",
        )
        parser.add_argument(
            "--anchor",
            metavar="ID:HASH",
            # Parsed here, so that on the command line a bad anchor is a usage error before
            # anything else runs.
            type=anchor_argument,
            help="A chain head written down earlier (printed by a previous run). Someone who can rewrite "
            "the whole table can recompute the chain; an anchor kept elsewhere still catches it.",
        )

    def handle(self, *args, chunk_size, anchor, jobs=None, **options):
        if isinstance(anchor, str):  # call_command(anchor=…) passes the value past the parser
            try:
                anchor = anchor_argument(anchor)
            except argparse.ArgumentTypeError as exc:
                raise CommandError(str(exc), returncode=2) from exc
        verdict = verify(chunk_size=chunk_size, anchor=anchor, jobs=jobs or default_jobs())
        speed = (
            f"{verdict.checked} entries in {verdict.seconds:.2f} s ({verdict.per_second:,.0f} entries/second, "
            f"{verdict.jobs} {'process' if verdict.jobs == 1 else 'processes'})"
        )
        if not verdict.ok:
            self.stderr.write(f"FIRST BAD ENTRY: {verdict.first_bad_id}: {verdict.problem}")
            self.stderr.write(f"Intact before it: {speed}")
            raise CommandError(f"audit trail broken at entry {verdict.first_bad_id}: {verdict.problem}")
        self.stdout.write(f"OK: {speed}")
        if anchor:
            self.stdout.write(f"Anchor {anchor.entry_id} matches: the trail up to it is unchanged.")
        # Write this down elsewhere (a ticket, a letter to the privacy officer)
        # and pass it as --anchor next time.
        if verdict.checked:
            self.stdout.write(f"Chain head: {verdict.checked}:{verdict.head_hash}")
        else:
            self.stdout.write("Chain head: none yet (the trail is empty)")
