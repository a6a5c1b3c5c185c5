#!/usr/bin/env bash
# Runs installer/jindu.nsi's installer under Wine: install, upgrade and uninstall, per user,
# checking what a clerk's PC would be left with.
#
#     bash installer/wine_check.sh          # needs makensis (apt-get install nsis) and Wine
#                                           # (apt-get install wine64; wine32 for the x86 stub)
#
# The installer is compiled from the real script around a stand-in bundle (two small .exe
# files and a resource whose name has Chinese characters and a space), because a Windows
# PyInstaller bundle cannot be built on Linux: what is checked is the script's behaviour.
# With only 64-bit Wine it is compiled for the amd64 stub (-XTarget amd64-unicode); releases
# use NSIS's default x86 stub, which runs the same script.
#
# Checked, in a fresh Wine prefix:
#  1. a silent install (as a Chinese-language Windows) goes to %LOCALAPPDATA%\Programs\Jindu
#     without administrator rights, with the uninstaller, the HKCU uninstall entry (Chinese
#     display name, version, quiet uninstall string), the Start-menu shortcut named in
#     Chinese and no desktop shortcut (unticked by default); the data folder is untouched;
#  2. installing the next version over it removes the old version's files, records the new
#     version, and keeps the data folder;
#  3. a silent uninstall removes the program, its shortcut and its registry entries, and
#     keeps the data folder;
#  4. an install into a folder whose path has Chinese characters and spaces (/D=...) works,
#     and so does its uninstall.
# Exit status 0 when every check passed; a missing tool skips the check (exit 0) and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

if ! command -v makensis >/dev/null 2>&1 || ! command -v wine >/dev/null 2>&1; then
  echo "wine_check: SKIPPED: needs makensis and wine (apt-get install nsis wine64)"
  exit 0
fi

WORK=$(mktemp -d /tmp/jindu-wine-XXXXXX)
trap 'wineserver -k >/dev/null 2>&1 || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
export WINEPREFIX="$WORK/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# A Chinese Windows: Wine takes the user's UI language from the locale, and the installer
# picks its language from that. The locale is compiled into the work folder (LOCPATH), so
# that nothing on the machine changes; only Wine runs under it.
zh_locale=()
mkdir -p "$WORK/locale"
if command -v localedef >/dev/null 2>&1 &&
  localedef -i zh_CN -f UTF-8 "$WORK/locale/zh_CN.UTF-8" >/dev/null 2>&1; then
  zh_locale=(env LOCPATH="$WORK/locale" LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8)
else
  echo "wine_check: no zh_CN locale could be compiled: the shortcut name is checked in English"
fi
WINE_BIN=$(command -v wine)
wine() { "${zh_locale[@]}" "$WINE_BIN" "$@"; }

failures=0
check() { # check DESCRIPTION COMMAND...: run a test command, report it
  local what=$1
  shift
  if "$@"; then
    echo "  ok   $what"
  else
    echo "  FAIL $what"
    failures=$((failures + 1))
  fi
}

target=amd64-unicode
if [ -d /usr/lib/i386-linux-gnu/wine ] || [ -d /usr/lib/wine/i386-windows ]; then
  target=x86-unicode # 32-bit Wine is there: the stub releases use
fi

bundle() { # bundle DIR VERSION: a stand-in PyInstaller folder
  mkdir -p "$1/_internal/resources/plans"
  echo "jindu $2" >"$1/jindu.exe"
  echo "jindu-cli $2" >"$1/jindu-cli.exe"
  echo "{}" >"$1/_internal/resources/plans/计划 $2.json"
}

compile() { # compile VERSION BUNDLE_DIR
  (cd installer && makensis -V1 "-XTarget $target" -DVERSION="$1" -DBUNDLE_DIR="$2" \
    -DOUT_DIR="$WORK" -DCOMPRESSOR=zlib jindu.nsi)
}

reg_text() { # reg_text KEY: the key exported as UTF-8 text (empty when it does not exist)
  local out="$WORK/export.reg"
  rm -f "$out"
  wine reg export "$1" "$(winepath -w "$out")" >/dev/null 2>&1 || true
  [ -f "$out" ] && iconv -f UTF-16 -t UTF-8 "$out" | tr -d '\r' || true
}

bundle "$WORK/b1" 0.9.0
bundle "$WORK/b2" 0.9.1
rm "$WORK/b2/_internal/resources/plans/计划 0.9.1.json"
echo "{}" >"$WORK/b2/_internal/resources/plans/新计划 0.9.1.json"
compile 0.9.0 "$WORK/b1"
compile 0.9.1 "$WORK/b2"
echo "wine_check: installers compiled for $target; preparing a Wine prefix"
if ! "${zh_locale[@]}" wineboot -i >/dev/null 2>&1 || [ "$(wine cmd /c echo ready 2>/dev/null | tr -d '\r')" != ready ]; then
  # Wine itself does not run here (a missing library, say): nothing about the installer
  # is known, so the check is skipped, loudly, rather than failed.
  echo "wine_check: SKIPPED: Wine does not start on this machine (wineboot or cmd failed)"
  exit 0
fi

USER_DIR="$WINEPREFIX/drive_c/users/$(whoami)"
LOCAL="$USER_DIR/AppData/Local"
PROGRAM="$LOCAL/Programs/Jindu"
DATA="$LOCAL/Jindu"
START_MENU="$USER_DIR/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
SHORTCUT="进度 Jindu.lnk"
[ ${#zh_locale[@]} -eq 0 ] && SHORTCUT="Jindu.lnk"
DESKTOP="$USER_DIR/Desktop"
UNINST_KEY='HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Uninstall\Jindu'
mkdir -p "$DATA/backups"
echo "a clerk's numbers" >"$DATA/jindu.sqlite3"
echo "a backup" >"$DATA/backups/jindu-2018-03-31.sqlite3"
data_sum() { (cd "$DATA" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
data_before=$(data_sum)

echo "1. install 0.9.0 (silent, per user)"
wine "$WORK/Jindu-Setup-0.9.0.exe" /S
entry=$(reg_text "$UNINST_KEY")
check "program in %LOCALAPPDATA%\\Programs\\Jindu" test -f "$PROGRAM/jindu.exe" -a -f "$PROGRAM/jindu-cli.exe"
check "resource with a Chinese name installed" test -f "$PROGRAM/_internal/resources/plans/计划 0.9.0.json"
check "uninstaller written" test -f "$PROGRAM/uninstall.exe"
check "uninstall entry: Chinese display name" grep -q '"DisplayName"="进度 Jindu"' <<<"$entry"
check "uninstall entry: version 0.9.0" grep -q '"DisplayVersion"="0.9.0"' <<<"$entry"
check "uninstall entry: quiet uninstall string" grep -q '"QuietUninstallString"=.*uninstall.exe\\" /S' <<<"$entry"
check "Start-menu shortcut $SHORTCUT" test -f "$START_MENU/$SHORTCUT"
check "no desktop shortcut unless chosen" test ! -e "$DESKTOP/$SHORTCUT"
check "data folder untouched" test "$(data_sum)" = "$data_before"

echo "2. upgrade to 0.9.1 over it"
wine "$WORK/Jindu-Setup-0.9.1.exe" /S
entry=$(reg_text "$UNINST_KEY")
check "new version's files in place" grep -q "jindu 0.9.1" "$PROGRAM/jindu.exe"
check "new resource installed" test -f "$PROGRAM/_internal/resources/plans/新计划 0.9.1.json"
check "old version's files removed" test ! -e "$PROGRAM/_internal/resources/plans/计划 0.9.0.json"
check "uninstall entry: version 0.9.1" grep -q '"DisplayVersion"="0.9.1"' <<<"$entry"
check "data folder untouched" test "$(data_sum)" = "$data_before"

echo "3. uninstall (silent)"
# _?= runs the uninstaller in place, so that Wine waits for it.
wine "$PROGRAM/uninstall.exe" /S "_?=$(winepath -w "$PROGRAM")"
rm -f "$PROGRAM/uninstall.exe" # run in place, it cannot delete itself
check "program files removed" test ! -e "$PROGRAM/jindu.exe" -a ! -e "$PROGRAM/_internal"
check "Start-menu shortcut removed" test ! -e "$START_MENU/$SHORTCUT"
check "uninstall entry removed" test -z "$(reg_text "$UNINST_KEY")"
check "data folder kept, unchanged" test "$(data_sum)" = "$data_before"

echo "4. install into a folder with Chinese characters and spaces"
target_dir='C:\用户 程序\进度 Jindu'
unix_dir=$(winepath -u "$target_dir")
# NSIS takes /D= unquoted, as the last argument, spaces and all; wine would quote it as one
# argument, so cmd gets the command line as a clerk would type it.
setup_win=$(winepath -w "$WORK/Jindu-Setup-0.9.1.exe")
wine cmd /c "$setup_win /S /D=$target_dir"
entry=$(reg_text "$UNINST_KEY")
check "program in $target_dir" test -f "$unix_dir/jindu.exe" -a -f "$unix_dir/_internal/resources/plans/新计划 0.9.1.json"
check "uninstall entry points there" grep -qF '"InstallLocation"="C:\\用户 程序\\进度 Jindu"' <<<"$entry"
wine "$unix_dir/uninstall.exe" /S "_?=$target_dir"
check "uninstalled from there" test ! -e "$unix_dir/jindu.exe" -a -z "$(reg_text "$UNINST_KEY")"
check "data folder kept, unchanged" test "$(data_sum)" = "$data_before"

if [ "$failures" -ne 0 ]; then
  echo "wine_check: $failures check(s) FAILED"
  exit 1
fi
echo "wine_check: installer, upgrade and uninstall behave (stub $target)"
