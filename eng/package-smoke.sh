#!/usr/bin/env bash
# Packs the shipped packages into artifacts/packages and uses them as a user would: checks what each .nupkg and
# .snupkg carries (README, repository URL and commit, pdbs with Source Link), then creates a fresh web app outside the
# repository whose nuget.config adds that folder as a source, adds DodoPayments.AspNetCore and
# DodoPayments.AspNetCore.Testing by version, builds it with warnings as errors and runs it: an unsigned POST to its
# webhook endpoint must answer 401, one signed by the Testing package's DodoWebhookSigner 200 with the handler run.
# Ends with one line: "Package smoke: N passed, M failed"; exits non-zero on a failure.
#   bash eng/package-smoke.sh
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

packages="$repo/artifacts/packages"
repository_url="https://github.com/dodopayments-aspnetcore/DodoPayments.AspNetCore"
shipped=(DodoPayments.AspNetCore DodoPayments.AspNetCore.EntityFrameworkCore DodoPayments.AspNetCore.Testing)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$1"; }
finish() {
  echo "Package smoke: $passed passed, $failed failed"
  [[ $failed -eq 0 ]] && exit 0 || exit 1
}
started=$SECONDS

# 1. Pack (Release; package validation runs as part of it).
rm -rf "$packages"
for id in "${shipped[@]}"; do
  if dotnet pack "src/$id/$id.csproj" -c Release -o "$packages" -p:ContinuousIntegrationBuild=true -warnaserror -clp:NoSummary --verbosity quiet >"$work/pack.log" 2>&1; then
    pass "dotnet pack $id"
  else
    tail -n 30 "$work/pack.log"
    fail "dotnet pack $id"
    finish
  fi
done
version=$(sed -n 's|.*<VersionPrefix>\(.*\)</VersionPrefix>.*|\1|p' Directory.Build.props)

# 2. What each package carries.
for id in "${shipped[@]}"; do
  nupkg="$packages/$id.$version.nupkg"
  snupkg="$packages/$id.$version.snupkg"
  nuspec=$(unzip -p "$nupkg" "$id.nuspec" 2>/dev/null)
  files=$(unzip -l "$nupkg" 2>/dev/null)
  if grep -q ' README\.md$' <<<"$files" && grep -q '<readme>README.md</readme>' <<<"$nuspec"; then
    pass "$id.nupkg has its README"
  else
    fail "$id.nupkg has its README"
  fi
  if grep -Eq "<repository type=\"git\" url=\"$repository_url\"[^>]* commit=\"[0-9a-f]{40}\"" <<<"$nuspec" &&
     grep -q "<projectUrl>$repository_url</projectUrl>" <<<"$nuspec" && grep -q '<description>..*</description>' <<<"$nuspec"; then
    pass "$id.nuspec names the repository, its commit, the project URL and a description"
  else
    fail "$id.nuspec names the repository, its commit, the project URL and a description"
  fi
  # The library's build-time generator is compiled into it: never a package dependency or an analyzer of the user's.
  if grep -q 'DodoPayments.AspNetCore.Generators' <<<"$nuspec" || grep -q ' analyzers/' <<<"$files"; then
    fail "$id does not ship the build-time generator"
  else
    pass "$id does not ship the build-time generator"
  fi
  pdb="lib/net10.0/$id.pdb"
  unzip -p "$snupkg" "$pdb" >"$work/symbols.pdb" 2>/dev/null
  if grep -aEq "https://raw\.githubusercontent\.com/${repository_url#https://github.com/}/[0-9a-f]{40}/\*" "$work/symbols.pdb"; then
    pass "$id.snupkg has $id.pdb with Source Link to the commit"
  else
    fail "$id.snupkg has $id.pdb with Source Link to the commit"
  fi
  # A deterministic CI build (ContinuousIntegrationBuild): the assembly names its pdb under the mapped root /_/, never
  # under the folder it was built in.
  unzip -p "$nupkg" "lib/net10.0/$id.dll" >"$work/assembly.dll" 2>/dev/null
  if grep -aq "/_/src/$id/" "$work/assembly.dll" && ! grep -aqF "$PWD/" "$work/assembly.dll"; then
    pass "$id.dll is a deterministic CI build (paths mapped to /_/)"
  else
    fail "$id.dll is a deterministic CI build (paths mapped to /_/)"
  fi
done

# 3. A fresh app, outside the repository (none of its props, global.json or nuget.config apply), that adds the packages
#    by version from the local folder; the machine's default sources still serve their dependencies.
app="$work/ConsumerApp"
mkdir -p "$app"
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="dodo-local" value="$packages" />
  </packageSources>
</configuration>
XML
# The global packages folder keeps a package by id and version: drop an older build of this version of ours.
global_packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
for id in "${shipped[@]}"; do rm -rf "$global_packages/${id,,}/$version"; done

cat >"$app/ConsumerApp.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
</Project>
XML
cat >"$app/Program.cs" <<'CS'
using DodoPayments.AspNetCore;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;

const string WebhookKey = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const string Body = """{"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00Z","data":{"payment_id":"pay_smoke","total_amount":2599,"currency":"USD","customer":{"customer_id":"cus_1","email":"ann@example.com"},"metadata":{}}}""";

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["DodoPayments:ApiKey"] = "sk_test_package_smoke",
    ["DodoPayments:Environment"] = "test_mode",
    ["DodoPayments:ReturnUrl"] = "https://shop.example.com/thanks",
    ["DodoPayments:WebhookKey"] = WebhookKey,
});
builder.Services.AddSingleton<Payments>();
builder.Services.AddDodoPayments().AddWebhookHandler<RecordPayment>();

var app = builder.Build();
app.MapDodoWebhooks();
await app.StartAsync();

using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
using var unsigned = await client.PostAsync("/api/webhook", new StringContent(Body, System.Text.Encoding.UTF8, "application/json"));
using var request = new DodoWebhookSigner(WebhookKey).CreateRequest("/api/webhook", Body);
using var signed = await client.SendAsync(request);
var handled = app.Services.GetRequiredService<Payments>().Ids.Contains("pay_smoke");
await app.StopAsync();

Console.WriteLine($"unsigned: {(int)unsigned.StatusCode}");
Console.WriteLine($"signed: {(int)signed.StatusCode}");
Console.WriteLine($"handled: {handled}");
return 0;

internal sealed class Payments
{
    public System.Collections.Concurrent.ConcurrentBag<string> Ids { get; } = [];
}

internal sealed class RecordPayment(Payments payments) : IPaymentSucceededHandler
{
    public Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        payments.Ids.Add(webhookEvent.Data.PaymentId);
        return Task.CompletedTask;
    }
}
CS

added=true
for id in DodoPayments.AspNetCore DodoPayments.AspNetCore.Testing; do
  if ! dotnet add "$app/ConsumerApp.csproj" package "$id" --version "$version" >"$work/add.log" 2>&1; then
    tail -n 20 "$work/add.log"
    added=false
  fi
done
if $added && grep -q "dodo-local" <(dotnet nuget list source --configfile "$work/nuget.config" 2>/dev/null) &&
   [[ -f "$global_packages/dodopayments.aspnetcore/$version/dodopayments.aspnetcore.$version.nupkg" ]]; then
  pass "dotnet add package DodoPayments.AspNetCore and .Testing $version from $packages"
else
  fail "dotnet add package DodoPayments.AspNetCore and .Testing $version from $packages"
  finish
fi

if dotnet build "$app/ConsumerApp.csproj" -warnaserror -clp:NoSummary --verbosity quiet >"$work/build.log" 2>&1; then
  pass "the consumer app builds with warnings as errors"
else
  tail -n 30 "$work/build.log"
  fail "the consumer app builds with warnings as errors"
  finish
fi

output=$(timeout 60 dotnet "$app/bin/Debug/net10.0/ConsumerApp.dll" 2>&1)
grep -q '^unsigned: 401$' <<<"$output" && pass "unsigned POST /api/webhook answers 401" || { fail "unsigned POST /api/webhook answers 401"; echo "$output" | tail -n 20; }
grep -q '^signed: 200$' <<<"$output" && pass "POST /api/webhook signed by DodoWebhookSigner answers 200" || fail "POST /api/webhook signed by DodoWebhookSigner answers 200"
grep -q '^handled: True$' <<<"$output" && pass "the app's IPaymentSucceededHandler ran" || fail "the app's IPaymentSucceededHandler ran"

echo "Package smoke: done in $((SECONDS - started)) s"
finish
