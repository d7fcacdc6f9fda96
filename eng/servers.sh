#!/usr/bin/env bash
# Installs the real servers the integration tests run against: Prometheus (with promtool),
# Alertmanager and Redis, Chromium and poppler-utils (for the dashboard browser and PDF tests), from the distribution's packages (Debian/Ubuntu apt).
#
#   bash eng/servers.sh install   installs whatever is missing; costs nothing when all is present
#
# The tests start and stop their own server processes (127.0.0.1, free ports, by PID); this
# script only installs. The packages' own daemons are kept from starting: a temporary
# /usr/sbin/policy-rc.d that exits 101 is in place during the install and removed afterwards
# (one that was already there is put back). SERVERS_POLICY_RC_D overrides its path (for testing the script).
set -euo pipefail

usage() {
  echo "usage: bash eng/servers.sh install" >&2
  exit 2
}

missing_packages() {
  local missing=()
  command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
  command -v promtool >/dev/null 2>&1 || { [[ " ${missing[*]-} " == *" prometheus "* ]] || missing+=(prometheus); }
  command -v prometheus-alertmanager >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  # Headless Chromium for the dashboard's browser tests (and print-to-PDF), pdftotext to read the PDFs back.
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  echo "${missing[*]-}"
}

# Puts back the state of policy-rc.d from before the install: removes ours, restores one that was there.
restore_policy() {
  if [[ "${POLICY_STATE:-}" == created ]]; then
    "${SUDO[@]}" rm -f "$POLICY"
  elif [[ "${POLICY_STATE:-}" == replaced ]]; then
    "${SUDO[@]}" mv -f "$POLICY_BACKUP" "$POLICY"
  fi
  POLICY_STATE=
}

install() {
  local missing
  missing="$(missing_packages)"
  if [[ -z "$missing" ]]; then
    echo "servers: prometheus, promtool, prometheus-alertmanager, redis-server, chromium and pdftotext are already installed"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing $missing and apt-get is not available; install them with your package manager" >&2
    exit 1
  fi

  SUDO=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "error: installing $missing needs root (run as root, or install sudo)" >&2
      exit 1
    fi
    SUDO=(sudo)
  fi

  # Globals, not locals: the EXIT trap may run after `set -e` has left the function.
  # A policy-rc.d that exits 101 keeps the packages' maintainer scripts from starting daemons on 9090,
  # 9093/9094 and 6379; it is temporary, and one that was already there is put back afterwards.
  POLICY="${SERVERS_POLICY_RC_D:-/usr/sbin/policy-rc.d}"
  POLICY_BACKUP="$POLICY.observability-backup"
  POLICY_STATE=
  trap restore_policy EXIT
  if [[ -e "$POLICY" ]]; then
    "${SUDO[@]}" mv -f "$POLICY" "$POLICY_BACKUP"
    POLICY_STATE=replaced
  else
    POLICY_STATE=created
  fi
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$POLICY" >/dev/null
  "${SUDO[@]}" chmod 755 "$POLICY"

  echo "servers: installing $missing"
  "${SUDO[@]}" apt-get update -qq
  # shellcheck disable=SC2086
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing

  restore_policy
  trap - EXIT
  missing="$(missing_packages)"
  if [[ -n "$missing" ]]; then
    echo "error: still missing after the install: $missing" >&2
    exit 1
  fi
  echo "servers: $(prometheus --version 2>&1 | head -n 1)"
}

case "${1-}" in
  install) install ;;
  *) usage ;;
esac
