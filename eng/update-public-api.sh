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

# 1. The build reports every public symbol missing from the files (RS0016) and every listed one that is gone (RS0017),
#    each with the exact line of the file; generated symbols (the I…Handler interfaces) included. Add the first, drop
#    the second, in the project that reports them.
echo "update-public-api: reading RS0016/RS0017 from a build"
dotnet build "$work/shipped.sln" --no-incremental -p:TreatWarningsAsErrors=false -clp:NoSummary >"$work/build.log" 2>&1 || true
{ grep -E 'warning RS001[67]: ' "$work/build.log" || true; } |
  sed -E "s/.*warning (RS001[67]): Symbol '([^']+)'.*\[(.*\.csproj)\]$/\1|\3|\2/" | sort -u |
  while IFS='|' read -r rule reporter symbol; do
    file="$(dirname "$reporter")/PublicAPI.Unshipped.txt"
    if [[ $rule == RS0016 ]]; then
      echo "$symbol" >> "$file"
    else
      grep -vxF -- "$symbol" "$file" > "$file.tmp" || true
      mv "$file.tmp" "$file"
    fi
  done

# 2. One order, one copy of each line, the #nullable header first.
for project in "${projects[@]}"; do
  file="$(dirname "$project")/PublicAPI.Unshipped.txt"
  { echo '#nullable enable'; grep -v -e '^#nullable enable$' -e '^$' "$file" | LC_ALL=C sort -u; } > "$file.tmp"
  mv "$file.tmp" "$file"
done

# 3. Proof: the shipped packages build with warnings as errors.
echo "update-public-api: checking (build -warnaserror)"
dotnet build "$work/shipped.sln" -warnaserror -clp:NoSummary --verbosity quiet
echo "update-public-api: src/*/PublicAPI.Unshipped.txt are up to date"
