-- The reference: the same body POSTed to a no-op minimal-API endpoint of the same app.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = io.open(os.getenv("DELIVERIES"), "r")
  local line = file:read("*l")
  file:close()
  wrk.body = line:match("^[^\t]+\t[^\t]+\t[^\t]+\t(.*)$")
  failures = 0
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
  end
  io.write(string.format("RESULT requests=%d rps=%.0f p50_us=%d p99_us=%d non200=%d repeated=0 errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    failed, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
