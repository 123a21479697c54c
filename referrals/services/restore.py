# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""After a backup is restored: erase again every resident the erasure journal names.

A restored backup may hold residents who were erased after it was made, with
their data keys, readable under the master key still configured. The journal
(referrals.services.erasure_journal) lives outside the database and survives the
restore; each resident it names who is back with personal data is erased through
the same service as the first time (`resident_erase`), by the service itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from referrals.models import Resident, SubjectRequest
from referrals.services import erasure_journal
from referrals.services.erasure_journal import JournalEntry
from referrals.services.subject_rights import resident_erase

REAPPLIED_REASON = "opnieuw gewist na herstel van een back-up (gewist op {date})"


@dataclass
class Reapplied:
    erased: int = 0  # back with personal data, erased again (or, in a dry run, would be)
    already_erased: int = 0
    not_in_database: int = 0  # the backup is older than the resident
    # Erased in this database, yet not named by the journal: a line went missing, or
    # this is not the journal of this database (or the erasure predates the journal).
    not_in_journal: int = 0


def erasures_reapply(*, entries: list[JournalEntry], dry_run: bool = False) -> Reapplied:
    """Erase each named resident who has personal data again; safe to run twice."""
    first: dict[str, JournalEntry] = {}
    for entry in entries:
        first.setdefault(entry.pseudonym, entry)
    found = dict(Resident.objects.values_list("pseudonym", "erased_at"))
    result = Reapplied()
    for pseudonym, entry in first.items():
        if pseudonym not in found:
            result.not_in_database += 1
        elif found[pseudonym] is not None:
            result.already_erased += 1
        elif dry_run or _erase_again(pseudonym, entry):
            result.erased += 1
        else:  # erased meanwhile by someone else
            result.already_erased += 1
    erased_in_database = {pseudonym for pseudonym, erased_at in found.items() if erased_at is not None}
    result.not_in_journal = len(erased_in_database - set(first))
    return result


def _erase_again(pseudonym: str, entry: JournalEntry) -> bool:
    kind = SubjectRequest.Kind.RETENTION if entry.kind == erasure_journal.RETENTION else SubjectRequest.Kind.ERASURE
    return resident_erase(
        resident=Resident.objects.get(pseudonym=pseudonym),
        reason=REAPPLIED_REASON.format(date=entry.erased_at.date().isoformat()),
        kind=kind,
        reapplied=True,
    )
