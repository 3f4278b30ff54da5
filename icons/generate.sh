#!/usr/bin/env bash
# Draws every icon Snapferry ships from snapferry.svg: PNGs from 16 to 1024 px, a Windows .ico and a macOS .icns,
# plus the sizes the window uses, copied into the application's resources. The results are committed; run this
# again after changing the master.
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert convert png2icns; do
    command -v "$tool" > /dev/null || { echo "generate.sh: $tool is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio snapferry.svg --output "png/snapferry-$size.png"
done

# Windows: one .ico holding the sizes Explorer and the taskbar ask for.
convert png/snapferry-16.png png/snapferry-24.png png/snapferry-32.png png/snapferry-48.png \
        png/snapferry-64.png png/snapferry-128.png png/snapferry-256.png snapferry.ico

# macOS: png2icns takes the sizes it has slots for.
png2icns snapferry.icns png/snapferry-16.png png/snapferry-32.png png/snapferry-48.png png/snapferry-128.png \
         png/snapferry-256.png png/snapferry-512.png png/snapferry-1024.png > /dev/null

# The window and its dialogs pick the best of these for the title bar, the taskbar and the task switcher.
resources=../app/src/main/resources/dev/snapferry/ui/icons
mkdir -p "$resources"
for size in 16 32 48 64 128 256; do
    cp "png/snapferry-$size.png" "$resources/snapferry-$size.png"
done
echo "generate.sh: icons written to $(pwd) and $resources"
