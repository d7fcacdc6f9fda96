#!/usr/bin/env bash
# Measures alert storms side by side: the library in process (no-op sink) against a real Alertmanager
# on loopback, in the same run. Starts prometheus-alertmanager (installed by `bash eng/servers.sh install`)
# on 127.0.0.1 and a free port, with a temp directory for its configuration and storage and the
# cluster listener off, waits for /-/ready, runs the eval command in Release, and stops Alertmanager
# (by PID) on the way out, whatever happens.
#
#   bash eng/storm-eval.sh [--sizes 1000,10000,40000] [--runs 3]
#
# The arguments go to `dotnet run --project tests/Observability.Eval -c Release -- storm`; the exit code
# is the command's (0 measured, 1 Alertmanager or a side failed, 2 bad usage).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v prometheus-alertmanager >/dev/null 2>&1; then
  echo "error: prometheus-alertmanager is not on PATH; install it with: bash eng/servers.sh install" >&2
  exit 1
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet is not on PATH)" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
workdir="$(mktemp -d "${TMPDIR:-/tmp}/observability-storm-am-XXXXXX")"
am_pid=
stop() {
  if [[ -n "$am_pid" ]] && kill -0 "$am_pid" 2>/dev/null; then
    kill "$am_pid" 2>/dev/null || true
    wait "$am_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap stop EXIT
trap 'exit 130' INT TERM

# Builds first, so the build's time and load do not fall on the measured run.
echo "== build tests/Observability.Eval (Release)"
dotnet build tests/Observability.Eval/Observability.Eval.csproj -c Release -nologo -clp:NoSummary -v quiet

# A configuration that accepts every alert and notifies nobody (the one the tests use).
printf "route:\n  receiver: 'null'\n  group_wait: 1s\nreceivers:\n  - name: 'null'\n" >"$workdir/alertmanager.yml"

# A port nobody listens on (probed with bash's /dev/tcp), tried again if Alertmanager cannot bind it.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

ready() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/-/ready" 2>/dev/null
  else
    # No curl: an HTTP/1.0 GET over /dev/tcp, ready when the status line says 200.
    local line
    exec 4<>"/dev/tcp/127.0.0.1/$1" 2>/dev/null || return 1
    printf 'GET /-/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&4
    IFS= read -r -t 2 line <&4 || line=
    exec 4<&- 4>&-
    [[ "$line" == *" 200"* ]]
  fi
}

port=
for attempt in 1 2 3 4 5; do
  candidate="$(free_port)"
  rm -rf "$workdir/data"
  prometheus-alertmanager --config.file="$workdir/alertmanager.yml" --storage.path="$workdir/data" \
    --web.listen-address="127.0.0.1:$candidate" --cluster.listen-address= \
    --web.external-url="http://127.0.0.1:$candidate" --log.level=warn >"$workdir/alertmanager.log" 2>&1 &
  am_pid=$!
  for _ in $(seq 1 600); do
    if ! kill -0 "$am_pid" 2>/dev/null; then
      break
    fi
    if ready "$candidate"; then
      port="$candidate"
      break 2
    fi
    sleep 0.1
  done
  if kill -0 "$am_pid" 2>/dev/null; then
    echo "error: Alertmanager on 127.0.0.1:$candidate was not ready within 60 s:" >&2
    cat "$workdir/alertmanager.log" >&2
    exit 1
  fi
  wait "$am_pid" 2>/dev/null || true
  am_pid=
  echo "storm-eval: Alertmanager could not start on 127.0.0.1:$candidate (attempt $attempt), trying another port" >&2
done
if [[ -z "$port" ]]; then
  echo "error: Alertmanager did not start; its last log:" >&2
  cat "$workdir/alertmanager.log" >&2
  exit 1
fi

echo "== $(prometheus-alertmanager --version 2>&1 | head -n 1) on 127.0.0.1:$port"
echo "== load before: $(uptime)"
status=0
dotnet run --project tests/Observability.Eval -c Release --no-build -- storm --alertmanager "http://127.0.0.1:$port" "$@" || status=$?
echo "== load after: $(uptime)"
exit "$status"
