#!/usr/bin/env bash
# Vendor the NL Design System CSS into static/vendor/: the Utrecht components
# (EUPL-1.2) into utrecht/, the NL Design System's "voorbeeld" theme tokens
# (EUPL-1.2) into voorbeeld/. Overdracht's own tokens on top of them live in
# static/css/overdracht-theme.css (not vendored). Run it to update; commit what
# changes; look at the pages (the browser tests save screenshots) before merging.
#
#   scripts/update-nl-design-system.sh                 # the pinned versions below
#   COMPONENTS=9.1.0 TOKENS=7.5.0 scripts/update-nl-design-system.sh
set -euo pipefail
cd "$(dirname "$0")/.."

COMPONENTS=${COMPONENTS:-9.0.4}   # @utrecht/component-library-css
TOKENS=${TOKENS:-7.4.1}           # @nl-design-system-unstable/voorbeeld-design-tokens
COMPONENTS_DEST=static/vendor/utrecht
TOKENS_DEST=static/vendor/voorbeeld
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "@utrecht/component-library-css@$COMPONENTS" \
  "@nl-design-system-unstable/voorbeeld-design-tokens@$TOKENS" >/dev/null)
mkdir -p "$WORK/components" "$WORK/tokens" "$COMPONENTS_DEST" "$TOKENS_DEST"
tar xzf "$WORK"/utrecht-component-library-css-"$COMPONENTS".tgz -C "$WORK/components"
tar xzf "$WORK"/nl-design-system-unstable-voorbeeld-design-tokens-"$TOKENS".tgz -C "$WORK/tokens"

# Both packages must stay under the EUPL: a proprietary house style may not be shipped.
for pkg in components tokens; do
  licence=$(node -p "require('$WORK/$pkg/package/package.json').license")
  [ "$licence" = "EUPL-1.2" ] || { echo "$pkg: licence is $licence, not EUPL-1.2; not vendored" >&2; exit 1; }
done

cp "$WORK/components/package/dist/index.css" "$COMPONENTS_DEST/component-library.css"
cp "$WORK/components/package/LICENSE.md" "$COMPONENTS_DEST/LICENSE.md"
# theme.css scopes the tokens to the class "voorbeeld-theme" (set on <body>).
cp "$WORK/tokens/package/dist/theme.css" "$TOKENS_DEST/design-tokens.css"
cp "$WORK/tokens/package/LICENSE.md" "$TOKENS_DEST/LICENSE.md"
cat > "$COMPONENTS_DEST/VERSIONS" <<VERSIONS
@utrecht/component-library-css $COMPONENTS EUPL-1.2 https://www.npmjs.com/package/@utrecht/component-library-css
VERSIONS
cat > "$TOKENS_DEST/VERSIONS" <<VERSIONS
@nl-design-system-unstable/voorbeeld-design-tokens $TOKENS EUPL-1.2 https://www.npmjs.com/package/@nl-design-system-unstable/voorbeeld-design-tokens
VERSIONS
echo "Vendored:"; cat "$COMPONENTS_DEST/VERSIONS" "$TOKENS_DEST/VERSIONS"
