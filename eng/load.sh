#!/usr/bin/env bash
# Load test of the webhook endpoint against a bare POST endpoint of the same app, side by side in one run, with wrk on
# loopback only, bounded in time. Prints throughput, p50/p99 and the ratios, and for each run what the app's runtime
# did meanwhile (GC collections per generation, GC pause time, lock contentions, bytes allocated per request, read in
# process through the app's GET /stats); exits non-zero when the webhook/bare throughput ratio falls below 0.8 (or a
# delivery was not answered 200).
#
#   eng/load.sh [--store memory|none|sqlite|postgres] [--inbox] [--sqlite-wal] [--context-pool] [--duration 5] [--warmup 5]
#               [--connections 32] [--threads 2] [--deliveries 90000/s] [--log-level Warning]
#
# --store picks the webhook idempotency store: the in-memory default, or the EF Core store on a SQLite file or on a
# throwaway PostgreSQL cluster (eng/postgres.sh, Debian's postgresql package); `none` is a diagnostic store that grants
# every claim and keeps nothing, to tell what the in-memory store's retained ids cost the GC.
# --inbox runs the app with UseWebhookInbox() (EF Core stores only): the webhook figures are then the acceptance rate
# (verify, store, 200), and the script also reports how long the background processor took to drain the backlog the
# run left. --sqlite-wal puts the SQLite database in WAL mode first (PRAGMA journal_mode=WAL). --context-pool registers
# the app's DbContext with AddDbContextPool instead of AddDbContext. --warmup is how long each endpoint is warmed up
# (seconds) before it is measured: tiered JIT compilation goes on for several seconds on 2 cores. --log-level sets the
# app's minimum log level (Information logs every delivery: the cost of logging shows side by side).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=5 warmup=5 connections=32 threads=2 deliveries= store=memory inbox=false wal=false pool=false log_level=Warning
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
    --log-level) log_level=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# Enough unique deliveries for about 90k requests a second, as wrk's threads do not share them evenly (each holds its
# share in memory, ~1.5 KB a delivery).
deliveries=${deliveries:-$((duration * 90000 + 20000))}

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
  none) store_args=(--Load:Store none) ;;
  sqlite) store_args=(--Load:Store sqlite --Load:Connection "Data Source=$work/load.db") ;;
  postgres)
    pg_dir=$(mktemp -d /tmp/dodo-load-pg.XXXXXX)
    connection=$(bash eng/postgres.sh start "$pg_dir")
    store_args=(--Load:Store postgres --Load:Connection "${connection/Database=postgres/Database=load};Maximum Pool Size=64") ;;
  *) echo "--store must be memory, none, sqlite or postgres" >&2; exit 2 ;;
esac
if [ "$inbox" = true ]; then
  [ "$store" != memory ] && [ "$store" != none ] || { echo "--inbox needs a durable store: --store sqlite or postgres" >&2; exit 2; }
  store_args+=(--Load:Inbox true)
fi
if [ "$pool" = true ]; then
  [ "$store" != memory ] && [ "$store" != none ] || { echo "--context-pool needs an EF Core store: --store sqlite or postgres" >&2; exit 2; }
  store_args+=(--Load:ContextPool true)
fi
if [ "$wal" = true ]; then
  [ "$store" = sqlite ] || { echo "--sqlite-wal goes with --store sqlite" >&2; exit 2; }
  store_args+=(--Load:SqliteWal true)
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
"$app" --urls "$url" --Logging:LogLevel:Default "$log_level" "${store_args[@]}" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null -X POST "$url/bare" && break; sleep 0.1; done
curl -sf -o /dev/null -X POST "$url/bare" || { echo "FAIL: the load app did not start within 60 s; its log:" >&2; cat "$work/app.log" >&2; exit 1; }

# Both endpoints get the very same requests (the pre-signed deliveries, headers and body, one a request, from the same
# Lua request() function): wrk then spends as much per request on each, and the ratio is the app's alone. (A static
# request for the bare endpoint skipped wrk's Lua per request, and wrk, not the app, bounded the webhook run.)
run() { # name path deliveries seconds
  DELIVERIES="$3" THREADS="$threads" wrk -t"$threads" -c"$connections" -d"$4"s --latency -s eng/load/deliveries.lua "$url$2" | grep '^RESULT' | sed "s/^RESULT/$1/"
}

stats() { curl -sf "$url/stats"; }
# What the runtime did during a run: the difference of two GET /stats lines, per request where it helps.
runtime() { # name before after result
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import sys
name, before, after, result = sys.argv[1:]
parse = lambda line: dict(pair.split("=", 1) for pair in line.split() if "=" in pair)
b, a, r = parse(before), parse(after), parse(result)
d = lambda key: float(a[key]) - float(b[key])
requests = max(int(r["requests"]), 1)
print(f"{name} runtime: gen0={d('gen0'):.0f} gen1={d('gen1'):.0f} gen2={d('gen2'):.0f} gc_pause_ms={d('gc_pause_ms'):.0f} "
      f"longest_recent_gc_pause_ms={a['last_gc_pause_ms']} lock_contentions={d('lock_contentions'):.0f} "
      f"allocated_per_request={d('allocated') / requests:.0f}B heap_after={float(a['heap']) / 1048576:.0f}MB threads={a['threads']} server_gc={a['server_gc']}")
PY
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
run warmup-bare /bare "$work/warmup.tsv" "$warmup" >/dev/null
run warmup-webhook /api/webhook "$work/warmup.tsv" "$warmup" >/dev/null
if [ "$inbox" = true ]; then drain >/dev/null; fi

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
before=$(stats)
bare=$(run bare /bare "$work/deliveries.tsv" "$duration")
between=$(stats)
webhook=$(run webhook /api/webhook "$work/deliveries.tsv" "$duration")
after=$(stats)
echo "$bare"
echo "$webhook"
runtime bare "$before" "$between" "$bare"
runtime webhook "$between" "$after" "$webhook"
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
