#!/usr/bin/env bash
# Vendor Chart.js (the charts of the Cijfers page) into static/vendor/chartjs/: the UMD build,
# which runs from a plain <script src> under the Content-Security-Policy ('self', no eval, no
# inline styles: it sizes its canvas through the DOM, which CSP allows). Run it to update;
# commit what changes; run tests/browser/test_journey_programme.py before merging.
#
#   scripts/update-chartjs.sh                 # the pinned version below
#   CHARTJS=4.6.2 scripts/update-chartjs.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CHARTJS=${CHARTJS:-4.6.1}   # chart.js
DEST=static/vendor/chartjs
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "chart.js@$CHARTJS" >/dev/null)
mkdir -p "$WORK/chartjs" "$DEST"
tar xzf "$WORK"/chart.js-"$CHARTJS".tgz -C "$WORK/chartjs"

# Without its source-map comment: the map is not vendored, and the hashed static-file storage
# would refuse a reference to a file that is not there.
sed '/^\/\/# sourceMappingURL=/d' "$WORK/chartjs/package/dist/chart.umd.min.js" > "$DEST/chart.umd.min.js"
cp "$WORK/chartjs/package/LICENSE.md" "$DEST/LICENSE.md"
cat > "$DEST/VERSIONS" <<VERSIONS
chart.js $CHARTJS
VERSIONS
echo "Vendored into $DEST:"; cat "$DEST/VERSIONS"
