#!/usr/bin/env bash
# Renders icons/netwright.svg to the PNG sizes installers and window decorations use.
# Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert not found: apt-get install librsvg2-bin" >&2; exit 1; }
for size in 16 32 48 128 256; do
  rsvg-convert --width "$size" --height "$size" --output "netwright-$size.png" netwright.svg
done
ls -l netwright-*.png
