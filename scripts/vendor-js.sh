#!/usr/bin/env bash
# Vendor the dashboard's front-end libraries from npm into src/bioregion/web/static/vendor/
# (with their licences). Run at build time only; the server never fetches anything at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
CYTOSCAPE_VERSION=3.34.4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund "cytoscape@${CYTOSCAPE_VERSION}" >/dev/null)
dest=src/bioregion/web/static/vendor
mkdir -p "$dest"
cp "$work/node_modules/cytoscape/dist/cytoscape.min.js" "$dest/cytoscape.min.js"
cp "$work/node_modules/cytoscape/LICENSE" "$dest/cytoscape.LICENSE"
echo "cytoscape ${CYTOSCAPE_VERSION} (MIT) from npm" > "$dest/VERSIONS"
du -ch "$dest"/* | tail -1
