#!/usr/bin/env bash
# Records new public API in each src/ project's PublicAPI.Unshipped.txt (the RS0016 code fix)
# and removes entries for API that no longer exists (RS0017). Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/*.csproj; do
  echo "public API: $project"
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity info >/dev/null 2>&1 || true
done
