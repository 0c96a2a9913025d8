#!/usr/bin/env bash
# Sets up a real VS Code for the end-to-end test (e2e/run.mjs): code-server 4.100.3 (VS Code 1.100,
# which runs on Node 20), playwright-core to drive a browser, and Debian's Chromium.
#
#   bash scripts/e2e-setup.sh            # installs into ${CASELINT_E2E_DIR:-$HOME/.cache/caselint-e2e}
#
# It is idempotent: when everything is already there it says so and stops. This is the project's own
# copy of /work/shared/tools/vscode-web-setup.sh, so CI does not depend on files outside the repository.
# Three things break a plain `npm install code-server` on these machines, and each is worked around:
#  1. code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true;
#  2. its native modules need Debian headers (libkrb5-dev, libxkbfile-dev, libsecret-1-dev, libx11-dev),
#     and node-pty's postinstall runs `npx node-gyp`, which waits for a yes unless npm_config_yes=true;
#  3. @vscode/ripgrep downloads rg from GitHub, which is unreachable, so we seed its download cache with
#     Debian's rg. Nothing else is downloaded: only the npm registry and Debian apt are used.
set -euo pipefail
dir=${CASELINT_E2E_DIR:-$HOME/.cache/caselint-e2e}
version=4.100.3

if [ -x "$dir/node_modules/.bin/code-server" ] && [ -d "$dir/node_modules/playwright-core" ] \
  && [ -x /usr/bin/chromium ]; then
  echo "e2e-setup: already set up in $dir"
  exit 0
fi

# Debian packages: the browser, rg for the ripgrep seed, and headers for code-server's native modules.
need=()
for p in chromium ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "e2e-setup: please install these Debian packages first (needs root): ${need[*]}" >&2
    exit 1
  fi
  echo "e2e-setup: installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# @vscode/ripgrep 1.15.11 looks for this archive in its cache before it tries GitHub.
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$archive" ]; then
  mkdir -p "$cache"
  stage=$(mktemp -d)
  cp "$(command -v rg)" "$stage/rg"
  tar czf "$archive" -C "$stage" rg
  rm -rf "$stage"
fi

mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"caselint-e2e","private":true}' > package.json
echo "e2e-setup: installing code-server $version and playwright-core into $dir (takes a few minutes)"
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund \
  "code-server@$version" playwright-core@1 >install.log 2>&1 || { tail -40 install.log; exit 1; }
echo "e2e-setup: code-server $version and playwright-core installed in $dir"
