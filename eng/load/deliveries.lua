-- Sends pre-signed, unique webhook deliveries (one a request, headers and body), split between wrk's threads so no id
-- repeats, to the URL wrk is given: the webhook endpoint, and the bare endpoint as the reference (which ignores them),
-- so wrk costs the same per request in both runs. Reports the answers that are not 2xx/3xx as wrk counts them
-- (summary.errors.status); there is no response() callback, which cost wrk more than the app spent on a delivery. The
-- deliveries file comes from `LoadApp sign`.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local path = os.getenv("DELIVERIES")
  local count = tonumber(os.getenv("THREADS"))
  requests_list = {}
  local n = 0
  for line in io.lines(path) do
    if n % count == index then
      local id, timestamp, signature, body = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t(.*)$")
      table.insert(requests_list, wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["webhook-id"] = id,
        ["webhook-timestamp"] = timestamp,
        ["webhook-signature"] = signature,
      }, body))
    end
    n = n + 1
  end
  position = 0
  exhausted = 0
end

function request()
  position = position + 1
  if position > #requests_list then
    -- Out of unique deliveries: repeat them (they answer 200 as duplicates), and say so at the end.
    exhausted = exhausted + 1
    return requests_list[(position - 1) % #requests_list + 1]
  end
  return requests_list[position]
end

function done(summary, latency, requests)
  local repeated = 0
  for _, thread in ipairs(threads) do
    repeated = repeated + thread:get("exhausted")
  end
  io.write(string.format("RESULT requests=%d rps=%.0f p50_us=%d p99_us=%d non200=%d repeated=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.errors.status, repeated, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
