#!/bin/sh
# Remove Dossier installed by install.sh from ~/.local (PREFIX overrides it).
# Vaults are never removed: they live in the user data folder (~/.local/share/Dossier),
# which this script does not name anywhere.
set -eu
PREFIX=${PREFIX:-"$HOME/.local"}
app_id=org.dossier.Dossier
data="$PREFIX/share"

rm -f "$data/applications/$app_id.desktop" "$data/applications/$app_id.import.desktop"
rm -f "$data/metainfo/$app_id.metainfo.xml" "$data/mime/packages/$app_id.xml"
rm -f "$data/icons/hicolor/scalable/apps/$app_id.svg"
for png in "$data"/icons/hicolor/*/apps/"$app_id.png"; do
  [ -e "$png" ] && rm -f "$png"
done
if [ -L "$PREFIX/bin/dossier" ]; then
  rm -f "$PREFIX/bin/dossier"
fi
rm -rf "$PREFIX/lib/dossier" "$PREFIX/lib/dossier.new" "$PREFIX/lib/dossier.old"

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime" ]; then
  update-mime-database "$data/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
  update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
echo "Dossier removed. Your vaults were not touched (see ${XDG_DATA_HOME:-$HOME/.local/share}/Dossier)."
