-- wrk script for the intake benchmark: every request is a new case with its own Idempotency-Key and complainant.
-- Environment: OMBUD_BENCH_TOKEN (API token), OMBUD_BENCH_RUN (a prefix that keeps runs apart).
local threads = {}
local counter = 0
local failures = 0
local token = os.getenv("OMBUD_BENCH_TOKEN")
local run = os.getenv("OMBUD_BENCH_RUN") or "run"

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = run .. "-" .. tid .. "-"
end

function request()
  counter = counter + 1
  local id = prefix .. counter
  local body = '{"category":"content","subcategory":"games","description":"Cheating in stream ' .. id ..
    ', see link","reportedObject":"https://stream.example/v/' .. id .. '","priority":"NORMAL",' ..
    '"complainant":{"name":"Bench ' .. tid .. '","email":"bench-' .. id .. '@example.com","locale":"en"}}'
  return wrk.format("POST", "/api/v1/cases", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = id
  }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("failure: HTTP " .. status .. " " .. string.sub(body, 1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + (t:get("failures") or 0) end
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d failed=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    failed + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
