-- The reference: the same body POSTed to a no-op minimal-API endpoint of the same app. No response() callback (like
-- webhook.lua): wrk counts the answers that are not 2xx/3xx itself (summary.errors.status).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function init(args)
  local file = io.open(os.getenv("DELIVERIES"), "r")
  local line = file:read("*l")
  file:close()
  wrk.body = line:match("^[^\t]+\t[^\t]+\t[^\t]+\t(.*)$")
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.0f p50_us=%d p99_us=%d non200=%d repeated=0 errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
