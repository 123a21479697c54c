#!/usr/bin/env bash
# Vendor the NL Design System CSS (Utrecht components + design tokens) into
# static/vendor/utrecht/. Run it to update; commit what changes; look at the
# pages (the browser tests save screenshots) before merging.
#
#   scripts/update-nl-design-system.sh                 # the pinned versions below
#   COMPONENTS=9.1.0 TOKENS=5.1.0 scripts/update-nl-design-system.sh
set -euo pipefail
cd "$(dirname "$0")/.."

COMPONENTS=${COMPONENTS:-9.0.4}   # @utrecht/component-library-css
TOKENS=${TOKENS:-5.0.1}           # @utrecht/design-tokens
DEST=static/vendor/utrecht
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "@utrecht/component-library-css@$COMPONENTS" "@utrecht/design-tokens@$TOKENS" >/dev/null)
mkdir -p "$WORK/components" "$WORK/tokens" "$DEST"
tar xzf "$WORK"/utrecht-component-library-css-"$COMPONENTS".tgz -C "$WORK/components"
tar xzf "$WORK"/utrecht-design-tokens-"$TOKENS".tgz -C "$WORK/tokens"

cp "$WORK/components/package/dist/index.css" "$DEST/component-library.css"
# theme.css scopes the tokens to the class "utrecht-theme" (set on <body>).
cp "$WORK/tokens/package/dist/theme.css" "$DEST/design-tokens.css"
cp "$WORK/components/package/LICENSE.md" "$DEST/LICENSE-component-library.md" 2>/dev/null || true
cp "$WORK/tokens/package/LICENSE.md" "$DEST/LICENSE-design-tokens.md" 2>/dev/null || true
cat > "$DEST/VERSIONS" <<VERSIONS
@utrecht/component-library-css $COMPONENTS
@utrecht/design-tokens $TOKENS
VERSIONS
echo "Vendored into $DEST:"; cat "$DEST/VERSIONS"
