#!/usr/bin/env bash
# Runs ALL the tests, from a fresh clone: installs and starts what they need, builds in Release
# (warnings are errors), packs every src/ project into artifacts/packages (a test consumes them
# as a user would), runs every test project, and ends with "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet is not on PATH)" >&2
  exit 1
fi

# Real servers (Prometheus, Alertmanager, Redis): installed with apt when missing. The tests start
# and stop their own server processes on 127.0.0.1 and free ports.
echo "== servers"
bash eng/servers.sh install

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=artifacts/test-results
rm -rf "$results"
mkdir -p artifacts/packages "$results"

echo "== build (Release)"
dotnet build Observability.sln -c Release -nologo -clp:NoSummary

echo "== pack src/ into artifacts/packages"
rm -f artifacts/packages/*.nupkg artifacts/packages/*.snupkg
for project in src/*/*.csproj; do
  dotnet pack "$project" -c Release --no-build -nologo -o artifacts/packages >/dev/null
done
ls artifacts/packages/*.nupkg

echo "== test"
status=0
dotnet test Observability.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" --blame-hang-timeout 5m || status=$?

# One closing line for every runner: sum the TRX counters of all test projects.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
