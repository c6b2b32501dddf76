#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium, for `npm test` (its `pretest` hook) and `.ci/run` alike.
#
# The browser is CHROMIUM_PATH, by default Debian's /usr/bin/chromium (test/support/chromium.ts reads the
# same variable). When the default is missing and this process can install it (root, or sudo without a
# password), Debian's `chromium` package is installed; otherwise the script stops at once with one line
# naming the command to run. It never downloads a browser of its own.
set -uo pipefail

DEBIAN_CHROMIUM=/usr/bin/chromium
path="${CHROMIUM_PATH:-$DEBIAN_CHROMIUM}"

fail() {
  echo "ensure-chromium: $*" >&2
  exit 1
}

[ -x "$path" ] && exit 0

if [ "$path" != "$DEBIAN_CHROMIUM" ]; then
  fail "CHROMIUM_PATH=$path is not an executable: point CHROMIUM_PATH at a Chromium binary, or unset it to use Debian's chromium (sudo apt-get install -y chromium)."
fi

command -v apt-get >/dev/null 2>&1 ||
  fail "no Chromium at $DEBIAN_CHROMIUM and no apt-get here: install Chromium, then run CHROMIUM_PATH=/path/to/chromium npm test"

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  fail "the browser tests need Debian's chromium at $DEBIAN_CHROMIUM: run 'sudo apt-get update && sudo apt-get install -y chromium' (or set CHROMIUM_PATH), then npm test again."
fi

echo "ensure-chromium: installing Debian's chromium for the browser tests (once per machine)…" >&2
log="$(mktemp)"
if "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >"$log" 2>&1 &&
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
    </dev/null >>"$log" 2>&1 &&
  [ -x "$DEBIAN_CHROMIUM" ]; then
  rm -f "$log"
  echo "ensure-chromium: $("$DEBIAN_CHROMIUM" --version 2>/dev/null || echo chromium) installed." >&2
  exit 0
fi
tail -n 5 "$log" >&2
rm -f "$log"
fail "installing Debian's chromium failed (apt-get's last lines above): run 'sudo apt-get update && sudo apt-get install -y chromium', then npm test again."
