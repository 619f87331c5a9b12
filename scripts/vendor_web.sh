#!/usr/bin/env bash
# Install the page's one front-end library (uPlot, MIT) from the npm registry with the locked
# version and copy its built files and licence into the server package's static folder, where
# they are committed and served: the page works offline and loads nothing from elsewhere.
# Run it after changing server/web/package.json; the committed files are what ships.
set -euo pipefail
cd "$(dirname "$0")/../server/web"
npm ci --no-audit --no-fund --ignore-scripts
dest=../src/zitat_server/serving/static/vendor/uplot
mkdir -p "$dest"
cp node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css node_modules/uplot/LICENSE "$dest/"
node -e 'console.log(require("./node_modules/uplot/package.json").version)' > "$dest/VERSION"
echo "vendored uPlot $(cat "$dest/VERSION") into $dest"
