#!/usr/bin/env bash
# Renders the app icon (resources/icons/icon.svg) to the PNGs electron-builder packages:
# icon.png at 1024×1024 (it makes macOS's .icns and Windows' .ico from it) and the Linux set in
# png/NxN.png. Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin). The PNGs are
# committed; run this again only after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
command -v rsvg-convert >/dev/null || { echo "make-icons: install rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }
rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "png/${size}x${size}.png"
done
echo "make-icons: wrote resources/icons/icon.png and png/{16..512}.png" >&2
