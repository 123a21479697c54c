# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""After restoring a database backup: erase again whoever the erasure journal says was erased.

Part of the restore procedure in the README: restore the database, put the
journal in place (it is not in the database backup), run this, then verify_audit.
Prints counts only. Refuses to erase anything when a line of the journal does not
verify. Safe to run twice. The work itself is referrals.services.restore.
"""

from pathlib import Path

from django.core.management.base import CommandError

from audit.services.trace import TracedCommand
from referrals.services.erasure_journal import journal_path, journal_read
from referrals.services.restore import erasures_reapply


class Command(TracedCommand):
    help = "Re-apply the erasures of the erasure journal after a database backup was restored."

    def add_arguments(self, parser):
        parser.add_argument(
            "--journal", type=Path, help="The journal to read (default: ERASURE_JOURNAL_PATH of the settings)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count, erase nothing.")

    def handle(self, *args, journal: Path | None, dry_run: bool, **options):
        path = journal or journal_path()
        try:
            lines = journal_read(path)
        except FileNotFoundError:
            raise CommandError(
                f"No erasure journal at {path}. Put the journal back from its own backup first (it is not "
                "part of the database backup), or name it with --journal."
            ) from None
        except OSError as exc:
            raise CommandError(f"The erasure journal {path} cannot be read: {exc.strerror}") from None
        if lines.refused:
            for number, problem in lines.refused:
                self.stderr.write(f"  line {number}: {problem}")
            raise CommandError(
                f"{len(lines.refused)} line(s) of {path} do not verify; nothing was erased. Find out who changed "
                "the journal. To go on without those lines, pass a copy without them with --journal."
            )
        if lines.unfinished:
            numbers = ", ".join(map(str, lines.unfinished))
            self.stdout.write(
                self.style.WARNING(f"Ignored unfinished line(s) {numbers}: writes that failed, erasing nothing.")
            )
        result = erasures_reapply(entries=lines.entries, dry_run=dry_run)
        self.stdout.write(f"Journal {path}: {len(lines.entries)} erasure(s).")
        self.stdout.write(f"  already erased in this database: {result.already_erased}")
        self.stdout.write(f"  not in this database (created after the backup): {result.not_in_database}")
        if result.not_in_journal:
            self.stdout.write(
                self.style.WARNING(
                    f"  erased in this database but missing from the journal: {result.not_in_journal} "
                    "(is this the right, complete journal?)"
                )
            )
        if dry_run:
            self.stdout.write(f"Dry run: {result.erased} resident(s) would be erased again.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Erased again: {result.erased} resident(s)."))
