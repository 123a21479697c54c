#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The daily management commands, in this order; started by deploy/systemd/overdracht-daily.timer.
# Each is safe to run twice. One failing does not stop the others (an audit chain that does not
# verify must not keep retention from running); the exit status is 1 when any failed, so the unit
# shows as failed and the journal (journalctl -u overdracht-daily) names which.
#   PYTHON   the virtualenv's python (default: .venv/bin/python beside this folder)
set -uo pipefail
APP=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$APP/.venv/bin/python}

COMMANDS=(
    end_memberships        # leavers' open work back to their organisation
    expire_access          # the receiving side's access to closed referrals, after the reopen window
    consents_expire        # open referrals whose consent ran out
    erase_expired          # retention: personal data of residents whose cases ended long enough ago
    detect_unusual_access  # flags for the privacy officer, about yesterday
    verify_audit           # the audit trail's hash chain; prints the chain head to write down
)

failed=()
for command in "${COMMANDS[@]}"; do
    echo "== manage.py $command"
    if ! (cd "$APP" && "$PYTHON" manage.py "$command"); then
        echo "FAILED: manage.py $command" >&2
        failed+=("$command")
    fi
done
if ((${#failed[@]})); then
    echo "Failed: ${failed[*]}" >&2
    exit 1
fi
echo "All ${#COMMANDS[@]} daily commands done."
