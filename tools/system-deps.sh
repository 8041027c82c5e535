#!/usr/bin/env bash
# Debian packages the test suite drives for real: Chromium (browser tests), a JRE (Nu HTML
# checker), rsync and OpenSSH server (publish tests). Installed only when missing.
# --if-root: do nothing (but say what is missing) when not root, so `make test` works anywhere.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v rsync >/dev/null 2>&1 || need+=(rsync)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing Debian packages: ${need[*]}" >&2
  echo "system-deps: install them (sudo apt-get install ${need[*]}) or the tests that need them skip" >&2
  [ "${1:-}" = "--if-root" ] && exit 0
  exit 1
fi
echo "system-deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
