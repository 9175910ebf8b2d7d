#!/usr/bin/env bash
# Native AOT smoke test. Publishes this app with PublishAot=true, fails when a trim or AOT warning (IL2xxx/IL3xxx)
# comes from our assemblies, starts the native binary on a free loopback port and checks that its answers are what
# API.md says. Always stops the app. Ends with one line: "AOT smoke: N passed, M failed"; exits non-zero on a failure.
#   bash tests/DodoPayments.AspNetCore.AotSmoke/run.sh
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
app_pid=""
passed=0
failed=0

cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null
    wait "$app_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

pass() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$1"; }
finish() {
  echo "AOT smoke: $passed passed, $failed failed"
  [[ $failed -eq 0 ]] && exit 0 || exit 1
}

# 1. Publish. ILC's warnings are not errors here, so that a dependency's can be listed without failing the run.
echo "AOT smoke: publishing with Native AOT (linux-x64)"
started=$SECONDS
if ! dotnet publish "$here/DodoPayments.AspNetCore.AotSmoke.csproj" -c Release -r linux-x64 -p:PublishAot=true \
    -p:IlcTreatWarningsAsErrors=false -o "$work/app" >"$work/publish.log" 2>&1; then
  tail -n 40 "$work/publish.log"
  fail "publish with PublishAot=true"
  finish
fi
echo "AOT smoke: published in $((SECONDS - started)) s"
pass "publish with PublishAot=true"

# 2. Trim/AOT warnings. Every line names the project being published at its end: drop that before asking whose it is.
grep -E '(warning|error) IL[23][0-9]{3}' "$work/publish.log" | sed -E 's/ \[[^]]*\.csproj\]$//' | sort -u >"$work/warnings"
grep 'DodoPayments' "$work/warnings" >"$work/ours" || true
grep -v 'DodoPayments' "$work/warnings" >"$work/theirs" || true
if [[ -s "$work/theirs" ]]; then
  echo "AOT smoke: trim/AOT warnings from dependencies (not ours):"
  sed 's/^/    /' "$work/theirs"
fi
if [[ -s "$work/ours" ]]; then
  sed 's/^/    /' "$work/ours"
  fail "no trim/AOT warning from our assemblies ($(wc -l <"$work/ours") found)"
else
  pass "no trim/AOT warning from our assemblies"
fi

# 3. Start the native binary on a free loopback port; it prints "listening: <address>" once it accepts requests.
app="$work/app/DodoPayments.AspNetCore.AotSmoke"
"$app" --urls http://127.0.0.1:0 >"$work/app.log" 2>&1 &
app_pid=$!
base=""
for _ in $(seq 1 150); do
  base=$(sed -n 's/^listening: //p' "$work/app.log" | head -n 1)
  [[ -n "$base" ]] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.2
done
if [[ -z "$base" ]]; then
  cat "$work/app.log"
  fail "native app started"
  finish
fi
pass "native app started at $base"

# check NAME STATUS CONTENT_TYPE TEXT curl-arguments…: the status, the content type (when given) and a text the body
# must hold (when given).
check() {
  local name=$1 want_status=$2 want_type=$3 want_text=$4
  shift 4
  local got status type
  got=$(curl -s -o "$work/body" -w '%{http_code} %{content_type}' --max-time 15 "$@") || got="000 (no answer)"
  status=${got%% *}
  type=${got#* }
  if [[ $status == "$want_status" && ($want_type == "" || $type == "$want_type"*) &&
        ($want_text == "" || $(cat "$work/body") == *"$want_text"*) ]]; then
    pass "$name: $status${type:+ $type}"
  else
    fail "$name: expected $want_status${want_type:+ $want_type}${want_text:+ with $want_text}, got $status $type: $(head -c 300 "$work/body")"
  fi
}

json=(-H 'Content-Type: application/json')
problem=application/problem+json

# Webhooks: signed by the app's own `sign` mode (the Testing package's DodoWebhookSigner, compiled AOT as well).
printf '%s' '{"business_id":"bus_smoke","type":"payment.succeeded","timestamp":"2026-01-15T11:59:58Z","data":{"payload_type":"Payment","payment_id":"pay_smoke","total_amount":1999,"currency":"USD","customer":{"customer_id":"cus_smoke","email":"ann@example.com","name":"Ann"},"metadata":{"order":"42"}}}' >"$work/event.json"
"$app" sign msg_smoke_1 <"$work/event.json" >"$work/signed.headers"
sed 's/^webhook-signature: .*/webhook-signature: v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/' "$work/signed.headers" >"$work/forged.headers"
check "webhook, correctly signed" 200 "" "" "${json[@]}" -H @"$work/signed.headers" --data-binary @"$work/event.json" "$base/api/webhook"
check "webhook handler ran" 200 "" "1" "$base/smoke/handled"
check "webhook, wrong signature" 401 "$problem" '"status":401' "${json[@]}" -H @"$work/forged.headers" --data-binary @"$work/event.json" "$base/api/webhook"
check "both deliveries counted on the meter" 200 "" "2" "$base/smoke/deliveries"

# Health checks: configuration and the in-memory webhook store.
check "health check" 200 "" "Healthy" "$base/health"

# Checkout, against the stand-in on its own loopback port.
check "static checkout" 200 application/json '"checkout_url"' "$base/api/checkout?productId=pdt_book"
check "checkout session" 200 application/json '"checkout_url"' "${json[@]}" --data '{"product_cart":[{"product_id":"pdt_book","quantity":1}]}' "$base/api/checkout"
check "checkout session with metadata" 200 application/json '"checkout_url"' "${json[@]}" --data '{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"email":"ada@example.com"},"metadata":{"order":"42","seats":2,"gift":true}}' "$base/api/checkout"
check "dynamic checkout" 200 application/json '"checkout_url"' "${json[@]}" --data '{"product_id":"pdt_book","quantity":1,"billing":{"country":"US"},"customer":{"email":"ada@example.com"}}' "$base/api/checkout/dynamic"
check "checkout validation error" 400 "$problem" '"product_cart[0].quantity"' "${json[@]}" --data '{"product_cart":[{"product_id":"pdt_book","quantity":0}]}' "$base/api/checkout"
check "checkout, Dodo answers 503" 502 "$problem" '"status":502' "$base/api/checkout?productId=pdt_broken"
head -c 8192 /dev/zero | tr '\0' 'x' | sed 's/^/{"product_id":"pdt_book","metadata":{"note":"/; s/$/"}}/' >"$work/large.json"
check "checkout body over MaxRequestBodySize" 413 "$problem" '"status":413' "${json[@]}" --data-binary @"$work/large.json" "$base/api/checkout/dynamic"

# Customer portal and plan change.
check "customer portal" 302 "" "" "$base/api/customer-portal"
check "plan change preview" 200 application/json '"new_plan"' "${json[@]}" --data '{"product_id":"pdt_pro"}' "$base/api/subscription/plan/preview"

finish
