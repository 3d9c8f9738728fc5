#!/bin/sh
# Install the Debian/Ubuntu packages a make target needs, only those missing.
# Usage: tools/apt-deps.sh run|test|ci|package
set -eu
case "${1:-run}" in
  run)     pkgs="python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 fonts-dejavu-core" ;;
  test)    pkgs="python3-venv libicu-dev pkg-config g++ libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core" ;;
  ci)      pkgs="python3-venv libicu-dev pkg-config g++ libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core gnome-keyring dbus dbus-x11 xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 appstream desktop-file-utils binutils poppler-utils" ;;
  package) pkgs="binutils appstream desktop-file-utils" ;;
  *) echo "unknown package set: $1" >&2; exit 2 ;;
esac
command -v dpkg >/dev/null 2>&1 || { echo "Not a Debian/Ubuntu system: install the equivalents of: $pkgs"; exit 0; }
missing=""
for p in $pkgs; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing system packages:$missing"
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
