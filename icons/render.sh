#!/usr/bin/env bash
# Renders icons/netwright.svg to what installers and windows use: PNGs (16-512 px; Linux packages and window icons),
# netwright.ico (Windows: 16, 32, 48, 256 px) and netwright.icns (macOS: 16, 32, 48, 128, 256, 512 px).
# Needs rsvg-convert, ImageMagick's convert and png2icns
# (Debian/Ubuntu: apt-get install librsvg2-bin imagemagick icnsutils).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
need() { command -v "$1" >/dev/null || { echo "render.sh: $1 not found: apt-get install $2" >&2; exit 1; }; }
need rsvg-convert librsvg2-bin; need convert imagemagick; need png2icns icnsutils
for size in 16 32 48 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --output "netwright-$size.png" netwright.svg
done
convert netwright-16.png netwright-32.png netwright-48.png netwright-256.png netwright.ico
png2icns netwright.icns netwright-16.png netwright-32.png netwright-48.png netwright-128.png netwright-256.png \
  netwright-512.png >/dev/null
ls -l netwright-*.png netwright.ico netwright.icns
