#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Restore an Overdracht backup made by deploy/backup.sh, following the README's "Restore procedure":
#   1. refuses while the service, its job worker or scheduler run, and into a database that holds tables;
#   2. pg_restore of the dump; `manage.py migrate` (the code may be newer than the backup);
#   3. `manage.py reapply_erasures` with the erasure journal: whoever was erased after the
#      backup was made is erased again (a dry run first, its counts printed);
#   4. `manage.py verify_audit --anchor` the chain head written beside the dump.
# Usage: restore.sh BACKUP.dump [--journal FILE]
#   --journal  the erasure journal to replay: the live one at ERASURE_JOURNAL_PATH by default;
#              after losing it, its NEWEST copy (not the one beside an older dump).
# DATABASE_URL (or DATABASE_URL_FILE) names the database to restore into: create it empty first
# (`createdb -O overdracht overdracht`). Other settings as for the service; OVERDRACHT_ENV_FILE
# reads them from a file first. Start the service, the worker and the scheduler yourself afterwards.
set -euo pipefail
APP=$(cd "$(dirname "$0")/.." && pwd)
usage() { echo "usage: restore.sh BACKUP.dump [--journal FILE]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
dump=$1
shift
journal_args=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --journal) [[ $# -ge 2 ]] || usage; journal_args=(--journal "$2"); shift 2 ;;
        *) usage ;;
    esac
done
if [[ -n ${OVERDRACHT_ENV_FILE:-} ]]; then set -a; . "$OVERDRACHT_ENV_FILE"; set +a; fi
PYTHON=${PYTHON:-$APP/.venv/bin/python}
if [[ -z ${DATABASE_URL:-} && -n ${DATABASE_URL_FILE:-} ]]; then DATABASE_URL=$(<"$DATABASE_URL_FILE"); fi
case ${DATABASE_URL:-} in
    postgres://* | postgresql://*) ;;
    *) echo "restore.sh: DATABASE_URL must name a PostgreSQL database (postgres://…)" >&2; exit 2 ;;
esac
[[ -f $dump ]] || { echo "restore.sh: no backup at $dump" >&2; exit 2; }

# Step 1 of the procedure: nothing may write (or erase by retention) while the data is replaced.
if command -v systemctl >/dev/null 2>&1; then
    for unit in overdracht.service overdracht-worker.service overdracht-scheduler.service; do
        if systemctl is-active --quiet "$unit" 2>/dev/null; then
            echo "restore.sh: $unit is running; stop it first (systemctl stop $unit)" >&2
            exit 1
        fi
    done
fi

tables=$(psql "$DATABASE_URL" --no-psqlrc --quiet --tuples-only --no-align \
    -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [[ $tables != 0 ]]; then
    echo "restore.sh: the target database already has $tables table(s); restore into a new, empty database" >&2
    exit 1
fi

manage() { (cd "$APP" && "$PYTHON" manage.py "$@"); }

echo "== pg_restore $dump"
pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$DATABASE_URL" "$dump"
echo "== manage.py migrate"
manage migrate --noinput
echo "== manage.py reapply_erasures (dry run, then for real)"
manage reapply_erasures --dry-run "${journal_args[@]}"
manage reapply_erasures "${journal_args[@]}"

anchor_file=${dump%.dump}.anchor
anchor=$( [[ -f $anchor_file ]] && cat "$anchor_file" || true)
echo "== manage.py verify_audit${anchor:+ --anchor $anchor}"
manage verify_audit ${anchor:+--anchor "$anchor"}

echo "Restored. Write down the chain head above, then start the service, the worker, the scheduler and the backup timer again:"
echo "  systemctl start overdracht.service overdracht-worker.service overdracht-scheduler.service overdracht-backup.timer"
