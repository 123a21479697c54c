#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Back up Overdracht: the PostgreSQL database (pg_dump, custom format) and a copy of the erasure
# journal, which is not in the database (README, "Restore procedure"). Writes, in
# OVERDRACHT_BACKUP_DIR, files named overdracht-<UTC time>:
#   .dump       the database, for deploy/restore.sh
#   .anchor     the audit chain head verified just before the dump: restore.sh checks against it
#   .erasure-journal.jsonl   the journal as it was (restore with the live journal or its NEWEST copy)
#   .sha256     checksums of the above
# Settings from the environment, as the service reads them: DATABASE_URL (or DATABASE_URL_FILE),
# ERASURE_JOURNAL_PATH, and the rest for manage.py. OVERDRACHT_ENV_FILE=/etc/overdracht/overdracht.env
# reads them from that file first. PYTHON: the virtualenv's python (default .venv/bin/python).
# Exit status 0 only when the dump is complete and readable and the audit chain verified; a chain
# that does not verify still gets its backup (the evidence), then exit status 1.
set -euo pipefail
umask 077
APP=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n ${OVERDRACHT_ENV_FILE:-} ]]; then set -a; . "$OVERDRACHT_ENV_FILE"; set +a; fi
PYTHON=${PYTHON:-$APP/.venv/bin/python}
if [[ -z ${DATABASE_URL:-} && -n ${DATABASE_URL_FILE:-} ]]; then DATABASE_URL=$(<"$DATABASE_URL_FILE"); fi
case ${DATABASE_URL:-} in
    postgres://* | postgresql://*) ;;
    *) echo "backup.sh: DATABASE_URL must name a PostgreSQL database (postgres://…)" >&2; exit 2 ;;
esac
BACKUP_DIR=${OVERDRACHT_BACKUP_DIR:?backup.sh: set OVERDRACHT_BACKUP_DIR, the folder for the backups}
JOURNAL=${ERASURE_JOURNAL_PATH:-$APP/erasure-journal.jsonl}
mkdir -p "$BACKUP_DIR"
name=$BACKUP_DIR/overdracht-$(date -u +%Y%m%dT%H%M%SZ)

# The chain head before the dump: every entry it names is in the dump.
chain_ok=1
if verified=$(cd "$APP" && "$PYTHON" manage.py verify_audit); then
    sed -n 's/^Chain head: \([0-9]*:[0-9a-f]*\)$/\1/p' <<<"$verified" >"$name.anchor"
else
    chain_ok=0
    echo "backup.sh: verify_audit FAILED; backing up the database as it is (README, 'When verify_audit fails')" >&2
    : >"$name.anchor"
fi

pg_dump --format=custom --compress=6 --file="$name.dump.partial" "$DATABASE_URL"
pg_restore --list "$name.dump.partial" >/dev/null  # complete and readable
mv "$name.dump.partial" "$name.dump"

files=("$name.dump" "$name.anchor")
if [[ -f $JOURNAL ]]; then
    cp -- "$JOURNAL" "$name.erasure-journal.jsonl"
    files+=("$name.erasure-journal.jsonl")
else
    echo "backup.sh: no erasure journal at $JOURNAL yet (nobody has been erased)" >&2
fi
(cd "$BACKUP_DIR" && sha256sum -- "${files[@]##*/}" >"$name.sha256")
echo "Backup: $name.dump ($(du -h "$name.dump" | cut -f1))"
echo "Audit chain head: $(cat "$name.anchor")"
((chain_ok))
