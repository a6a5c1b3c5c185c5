#!/usr/bin/env bash
# Build and check on Linux what can be checked here, in one command:
#
#     bash installer/build_linux.sh            # from the checkout; --reuse keeps an existing bundle
#
# 1. builds the Linux onedir bundle with PyInstaller into build/dist/jindu (build/work for
#    PyInstaller's own files), from installer/jindu.spec;
# 2. checks the Windows version resource the spec would embed (installer/version_info.py --check);
# 3. runs the frozen smoke test against the bundle (installer/smoke_test.py), which also times
#    the frozen window's start-up against the unfrozen .venv/bin/jindu;
# 4. compiles installer/jindu.nsi with makensis, with the Linux bundle standing in for the
#    Windows one (the script compiles; the installer it makes is not for use);
# 5. runs the installer script's install, upgrade and uninstall under Wine
#    (installer/wine_check.sh; skipped, and said so, without Wine);
# 6. prints the bundle size against the target (150 MB, in bytes / 10^6), the build time and
#    the start-up times.
#
# Needs .venv with the project and PyInstaller (`.venv/bin/pip install -e .[build]`),
# makensis (`apt-get install nsis`; without it step 4 is skipped and said so), ICU's tools
# to cut Qt's ICU data (`apt-get install icu-devtools`; without them the whole 32 MB stays
# and the size target is missed) and Wine (`apt-get install wine wine64`).
# Exit status: 0 when every step that ran passed and the bundle is under the size target.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=.venv/bin/python
DIST=build/dist
WORK=build/work
BUNDLE=$DIST/jindu
SIZE_TARGET_MB=150
reuse=0
[ "${1:-}" = "--reuse" ] && reuse=1

step() { printf '\n== %s\n' "$*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build_linux: PyInstaller is not installed in .venv; run: .venv/bin/pip install -e .[build]" >&2
  exit 1
fi
version=$("$PY" installer/version_info.py --print-version)
quad=$("$PY" installer/version_info.py --print-windows-version)
export QT_QPA_PLATFORM=offscreen

step "1. PyInstaller: $BUNDLE (Jindu $version)"
build_seconds="(reused)"
if [ "$reuse" -eq 1 ] && [ -x "$BUNDLE/jindu" ]; then
  echo "reusing the existing bundle"
else
  t=$(now)
  rm -rf "$BUNDLE" "$WORK"
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" installer/jindu.spec
  build_seconds=$(elapsed "$t")
  echo "built in ${build_seconds} s"
fi
size_h=$(du -sh "$BUNDLE" | cut -f1)
size_bytes=$(du -sb "$BUNDLE" | cut -f1)
size_mb=$(awk -v b="$size_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
size_ok=$(awk -v b="$size_bytes" -v t="$SIZE_TARGET_MB" 'BEGIN { print (b < t * 1e6) ? 1 : 0 }')
# Qt's ICU data is Linux-only (Qt on Windows uses the system's ICU); the spec cuts it down.
icu_mb=$(du -cb "$BUNDLE"/_internal/PySide6/Qt/lib/libicu* 2>/dev/null | tail -1 |
  awk '{ printf "%.1f", $1 / 1e6 }')
echo "bundle size: $size_h ($size_mb MB, of which ICU $icu_mb MB; target < $SIZE_TARGET_MB MB)"

step "2. Windows version resource"
"$PY" installer/version_info.py --check

step "3. Frozen smoke test (data folder with Chinese characters and spaces)"
t=$(now)
smoke_log=$(mktemp)
set +e
"$PY" installer/smoke_test.py "$BUNDLE" --unfrozen "$ROOT/.venv/bin/jindu" 2>&1 | tee "$smoke_log"
smoke_status=${PIPESTATUS[0]}
set -e
smoke_seconds=$(elapsed "$t")

step "4. NSIS: installer/jindu.nsi"
nsis_result="skipped: makensis not installed (apt-get install nsis)"
nsis_status=0
if command -v makensis >/dev/null 2>&1; then
  t=$(now)
  nsis_log=$(mktemp)
  set +e
  # -WX: a warning fails the check. The Linux bundle stands in for the Windows one, so its
  # installer is never used: zlib instead of the script's solid LZMA (2 minutes on 2 cores).
  makensis -WX -V2 -DCOMPRESSOR=zlib -DVERSION="$version" -DVERSION_QUAD="$quad" \
    -DBUNDLE_DIR="$ROOT/$BUNDLE" -DOUT_DIR="$ROOT/build" installer/jindu.nsi >"$nsis_log" 2>&1
  nsis_status=$?
  set -e
  cat "$nsis_log"
  setup="build/Jindu-Setup-$version.exe"
  if [ "$nsis_status" -eq 0 ] && [ -f "$setup" ]; then
    nsis_result="compiled $(makensis -VERSION) in $(elapsed "$t") s: $setup ($(du -h "$setup" | cut -f1), Linux stand-in bundle)"
  else
    nsis_result="FAILED (exit $nsis_status)"
    nsis_status=1
  fi
else
  echo "$nsis_result"
fi

step "5. The installer under Wine: install, upgrade, uninstall (installer/wine_check.sh)"
set +e
wine_log=$(mktemp)
bash installer/wine_check.sh 2>&1 | tee "$wine_log"
wine_status=${PIPESTATUS[0]}
set -e
wine_result=$(tail -1 "$wine_log")
rm -f "$wine_log"

step "Summary"
echo "Jindu $version, Linux bundle $BUNDLE"
echo "  PyInstaller build:   ${build_seconds} s"
echo "  bundle size:         $size_mb MB ($size_h; target < $SIZE_TARGET_MB MB: $([ "$size_ok" -eq 1 ] && echo met || echo NOT met); Linux-only ICU: $icu_mb MB)"
grep -E "window start-up|SKIP|FAIL" "$smoke_log" | sed 's/^ */  smoke: /' || true
echo "  smoke test:          $([ "$smoke_status" -eq 0 ] && echo passed || echo FAILED) in ${smoke_seconds} s"
echo "  makensis:            $nsis_result"
echo "  installer in Wine:   $wine_result"
rm -f "$smoke_log"
[ "$smoke_status" -eq 0 ] && [ "$nsis_status" -eq 0 ] && [ "$wine_status" -eq 0 ] && [ "$size_ok" -eq 1 ]
