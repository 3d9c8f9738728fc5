#!/bin/sh
# Install (or upgrade) Dossier for the current user under ~/.local (PREFIX overrides it).
# Run from the unpacked tarball. Never touches vaults: they live in the user data folder
# (~/.local/share/Dossier), not in the app folder this script replaces.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-"$HOME/.local"}
app_id=org.dossier.Dossier
lib="$PREFIX/lib/dossier"
data="$PREFIX/share"

[ -x "$here/dossier/dossier" ] || { echo "install.sh: run me from the unpacked tarball" >&2; exit 1; }

mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$data/applications" "$data/metainfo" "$data/mime/packages"

# Replace the app folder in one rename, so an interrupted upgrade leaves the old one whole.
rm -rf "$lib.new" "$lib.old"
cp -a "$here/dossier" "$lib.new"
cp "$here/uninstall.sh" "$lib.new/uninstall.sh"
[ -e "$lib" ] && mv "$lib" "$lib.old"
mv "$lib.new" "$lib"
rm -rf "$lib.old"

ln -sfn "$lib/dossier" "$PREFIX/bin/dossier"

# Desktop entries name the launcher by absolute path: ~/.local/bin is not always on the
# PATH a desktop session starts programs with.
for entry in "$app_id.desktop" "$app_id.import.desktop"; do
  sed -e "s|^Exec=dossier|Exec=$lib/dossier|" -e "s|^TryExec=dossier|TryExec=$lib/dossier|" \
    "$here/share/$entry" > "$data/applications/$entry"
done
cp "$here/share/$app_id.metainfo.xml" "$data/metainfo/"
cp "$here/share/$app_id.mime.xml" "$data/mime/packages/$app_id.xml"
(cd "$here/share/icons" && find hicolor -name "$app_id.png" | while read -r png; do
  mkdir -p "$data/icons/$(dirname "$png")"
  cp "$png" "$data/icons/$png"
done)
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$here/share/icons/$app_id.svg" "$data/icons/hicolor/scalable/apps/"

# Refresh the desktop's caches where the tools exist; a missing tool is not an error.
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$data/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
fi

echo "Dossier $("$lib/dossier" --version 2>/dev/null | sed 's/^Dossier //') installed in $lib"
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "Note: $PREFIX/bin is not on your PATH; the menu entry works regardless." ;;
esac
echo "Check it with: $PREFIX/bin/dossier --self-test"
