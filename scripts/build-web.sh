#!/usr/bin/env bash
# Builds web/dist when a source of the front end is newer than the build.
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=dist/index.html
if [ -f "$stamp" ] && [ -z "$(find src public index.html package.json vite.config.* -newer "$stamp" 2>/dev/null | head -1)" ]; then
  exit 0
fi
npm run build --silent
