#!/usr/bin/env bash
# Records the shipped packages' public API as it is now in each PublicAPI.Unshipped.txt (added members, and removed
# ones taken out), so that RS0016/RS0017 no longer fail the build. Run it after adding or changing public API, then
# review the diff of src/*/PublicAPI.Unshipped.txt: it is the packages' public surface.
#   bash eng/update-public-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."

projects=(
  src/DodoPayments.AspNetCore/DodoPayments.AspNetCore.csproj
  src/DodoPayments.AspNetCore.EntityFrameworkCore/DodoPayments.AspNetCore.EntityFrameworkCore.csproj
  src/DodoPayments.AspNetCore.Testing/DodoPayments.AspNetCore.Testing.csproj
)

# One throwaway solution with the shipped projects only, so the workspace is loaded once.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet new sln --name shipped --format sln --output "$work" >/dev/null
dotnet sln "$work/shipped.sln" add "${projects[@]}" >/dev/null

# 1. The analyzer's own code fix writes the exact line for every symbol declared in a source file.
echo "update-public-api: adding declared API (dotnet format)"
dotnet format analyzers "$work/shipped.sln" --diagnostics RS0016 RS0017 --severity warn --verbosity quiet

# 2. Symbols from the webhook catalogue source generator (the I…Handler interfaces) are in no source file, so the code
#    fix cannot reach them: their lines are the type names the build reports, recorded in the project that reports them.
echo "update-public-api: adding generated API (build)"
dotnet build "$work/shipped.sln" --no-incremental -p:TreatWarningsAsErrors=false -clp:NoSummary >"$work/build.log" 2>&1 || true
{ grep -E '/obj/.*(warning|error) RS0016: ' "$work/build.log" || true; } |
  sed -E "s/.*Symbol '([^']+)'.*\[(.*\.csproj)\]$/\2|\1/" | sort -u |
  while IFS='|' read -r reporter symbol; do
    if [[ "$symbol" == *'('* ]]; then
      echo "update-public-api: add by hand to $(dirname "$reporter")/PublicAPI.Unshipped.txt: $symbol" >&2
      exit 1
    fi
    echo "$symbol" >> "$(dirname "$reporter")/PublicAPI.Unshipped.txt"
  done

# 3. One order, one copy of each line, the #nullable header first.
for project in "${projects[@]}"; do
  file="$(dirname "$project")/PublicAPI.Unshipped.txt"
  { echo '#nullable enable'; grep -v -e '^#nullable enable$' -e '^$' "$file" | LC_ALL=C sort -u; } > "$file.tmp"
  mv "$file.tmp" "$file"
done

# 4. Proof: the shipped packages build with warnings as errors.
echo "update-public-api: checking (build -warnaserror)"
dotnet build "$work/shipped.sln" -warnaserror -clp:NoSummary --verbosity quiet
echo "update-public-api: src/*/PublicAPI.Unshipped.txt are up to date"
