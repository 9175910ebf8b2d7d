#!/usr/bin/env bash
# Load test of the webhook endpoint against a bare POST endpoint of the same app, side by side in one run, with wrk on
# loopback only, bounded in time. Prints throughput, p50/p99 and the ratios; exits non-zero when the webhook/bare
# throughput ratio falls below 0.8 (or a delivery was not answered 200).
#
#   eng/load.sh [--store memory|sqlite|postgres] [--inbox] [--sqlite-wal] [--context-pool] [--duration 5] [--warmup 5]
#               [--connections 32] [--threads 2] [--deliveries 200000]
#
# --store picks the webhook idempotency store: the in-memory default, or the EF Core store on a SQLite file or on a
# throwaway PostgreSQL cluster (eng/postgres.sh, Debian's postgresql package).
# --inbox runs the app with UseWebhookInbox() (EF Core stores only): the webhook figures are then the acceptance rate
# (verify, store, 200), and the script also reports how long the background processor took to drain the backlog the
# run left. --sqlite-wal puts the SQLite database in WAL mode first (PRAGMA journal_mode=WAL). --context-pool registers
# the app's DbContext with AddDbContextPool instead of AddDbContext. --warmup is how long each endpoint is warmed up
# (seconds) before it is measured: tiered JIT compilation goes on for several seconds on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=5 warmup=5 connections=32 threads=2 deliveries=200000 store=memory inbox=false wal=false pool=false
while [ $# -gt 0 ]; do
  case "$1" in
    --store) store=$2; shift 2 ;;
    --inbox) inbox=true; shift ;;
    --sqlite-wal) wal=true; shift ;;
    --context-pool) pool=true; shift ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --deliveries) deliveries=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
app_pid="" pg_dir=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then bash eng/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building the load app (Release)..."
dotnet publish tests/DodoPayments.AspNetCore.LoadApp -c Release -o "$work/app" --nologo -v quiet >/dev/null
app="$work/app/DodoPayments.AspNetCore.LoadApp"

echo "Signing $deliveries unique deliveries..."
"$app" sign "$deliveries" "$work/deliveries.tsv" run
"$app" sign 20000 "$work/warmup.tsv" warm

case "$store" in
  memory) store_args=() ;;
  sqlite) store_args=(--Load:Store sqlite --Load:Connection "Data Source=$work/load.db") ;;
  postgres)
    pg_dir=$(mktemp -d /tmp/dodo-load-pg.XXXXXX)
    connection=$(bash eng/postgres.sh start "$pg_dir")
    store_args=(--Load:Store postgres --Load:Connection "${connection/Database=postgres/Database=load};Maximum Pool Size=64") ;;
  *) echo "--store must be memory, sqlite or postgres" >&2; exit 2 ;;
esac
if [ "$inbox" = true ]; then
  [ "$store" != memory ] || { echo "--inbox needs a durable store: --store sqlite or postgres" >&2; exit 2; }
  store_args+=(--Load:Inbox true)
fi
if [ "$pool" = true ]; then
  [ "$store" != memory ] || { echo "--context-pool needs an EF Core store: --store sqlite or postgres" >&2; exit 2; }
  store_args+=(--Load:ContextPool true)
fi
if [ "$wal" = true ]; then
  [ "$store" = sqlite ] || { echo "--sqlite-wal goes with --store sqlite" >&2; exit 2; }
  store_args+=(--Load:SqliteWal true)
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
"$app" --urls "$url" "${store_args[@]}" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null -X POST "$url/bare" && break; sleep 0.1; done
curl -sf -o /dev/null -X POST "$url/bare" || { echo "FAIL: the load app did not start within 60 s; its log:" >&2; cat "$work/app.log" >&2; exit 1; }

run() { # name path lua deliveries seconds
  DELIVERIES="$4" THREADS="$threads" wrk -t"$threads" -c"$connections" -d"$5"s --latency -s "eng/load/$3" "$url$2" | grep '^RESULT' | sed "s/^RESULT/$1/"
}

backlog() { curl -sf "$url/backlog"; }
# Waits until the inbox backlog is empty (at most 10 minutes); prints the seconds it took.
drain() {
  local started now
  started=$(date +%s.%N)
  for _ in $(seq 1 6000); do
    [ "$(backlog)" = "0" ] && break
    sleep 0.1
  done
  now=$(date +%s.%N)
  [ "$(backlog)" = "0" ] || { echo "FAIL: the inbox backlog did not drain within 10 minutes" >&2; exit 1; }
  python3 -c "print(f'{$now - $started:.1f}')"
}

echo "Warming up..."
run warmup-bare /bare bare.lua "$work/warmup.tsv" "$warmup" >/dev/null
run warmup-webhook /api/webhook webhook.lua "$work/warmup.tsv" "$warmup" >/dev/null
if [ "$inbox" = true ]; then drain >/dev/null; fi

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
bare=$(run bare /bare bare.lua "$work/deliveries.tsv" "$duration")
webhook=$(run webhook /api/webhook webhook.lua "$work/deliveries.tsv" "$duration")
echo "$bare"
echo "$webhook"
if [ "$inbox" = true ]; then
  left=$(backlog)
  took=$(drain)
  echo "inbox: $left events left pending when the run ended, drained in ${took}s ($(python3 -c "print(f'{$left / max($took, 0.1):.0f}')") events/s); $(curl -sf "$url/count") handler runs in all"
fi
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
ratio=$(python3 -c "print(f'{$(field "$webhook" rps) / max($(field "$bare" rps), 1):.2f}')")
p99=$(python3 -c "print(f'{$(field "$webhook" p99_us) / max($(field "$bare" p99_us), 1):.2f}')")
echo "store=$store inbox=$inbox context-pool=$pool webhook/bare throughput ratio: $ratio; p99 ratio: $p99 (wrk -t$threads -c$connections -d${duration}s, loopback)"
if [ "$(field "$webhook" repeated)" != "0" ]; then
  echo "note: the unique deliveries ran out; $(field "$webhook" repeated) requests repeated an id (answered as duplicates). Raise --deliveries."
fi

status=0
if [ "$(field "$webhook" non200)" != "0" ] || [ "$(field "$webhook" errors)" != "0" ]; then
  echo "FAIL: deliveries not answered 200" >&2; status=1
fi
if python3 -c "import sys; sys.exit(0 if $ratio >= 0.8 else 1)"; then :; else
  echo "FAIL: webhook/bare throughput ratio $ratio is below 0.8" >&2; status=1
fi
exit $status
