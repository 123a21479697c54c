#!/usr/bin/env bash
# Every benchmark script once at a tiny size, on the database DATABASE_URL names (SQLite when
# unset): only that they still run, not their figures. .ci/run calls it after the tests.
# A new script needs a line in SMOKE (its smallest arguments), or this fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${DATABASE_URL:-}" ]; then
    # audit_search.py empties the audit table of the database it is given: a scratch one.
    audit_db="${DATABASE_URL%/*}/overdracht_audit_bench"
else
    audit_db="sqlite:////tmp/overdracht-audit-smoke.sqlite3"
fi

declare -A SMOKE=(
    [api_inbox.py]="--referrals 60 --partners 3 --open 10 --repeats 1"
    [audit_search.py]="--database-url $audit_db --entries 300 --residents 20 --searches 2"
    [cijfers.py]="--referrals 60 --repeats 1"
    [crypto_fields.py]="200"
    [double_submit.py]="--pairs 1"
    [event_delivery.py]="--events 5"
    [handovers.py]="--handovers 1"
    [inzage_report.py]="1 1"
    [outbox.py]="--emails 5"
    [load_test.py]="--referrals 60 --partners 3 --open 10 --users 4 --duration 2"
    [list_pages.py]="--referrals 60 --partners 3 --open 10 --repeats 1"
    [report_figures.py]="--referrals 60 --partners 3 --repeats 1"
    [verify_audit.py]="--entries 300 --repeats 1"
    [verify_under_writes.py]="--runs 2 --writers 1"
)

for script in benchmarks/*.py; do
    name=$(basename "$script")
    grep -q '^if __name__ == "__main__":' "$script" || continue  # a module the scripts share
    if [ -z "${SMOKE[$name]+set}" ]; then
        echo "benchmarks/smoke.sh: no smoke arguments for $name (add it to SMOKE)" >&2
        exit 1
    fi
    echo "--- $name ${SMOKE[$name]}"
    # shellcheck disable=SC2086 (the arguments are words)
    LOG_LEVEL=WARNING .venv/bin/python "$script" ${SMOKE[$name]} >/dev/null
done
