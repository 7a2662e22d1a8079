-- wrk script for the Telegram benchmark: every request is a new webhook update (unique update_id) from one of
-- OMBUD_BENCH_USERS people writing to the bot in their private chats; a person's first message opens a case,
-- later ones follow it up. Environment: OMBUD_BENCH_BOT (bot key), OMBUD_BENCH_SECRET (its webhook secret),
-- OMBUD_BENCH_RUN (a number that keeps runs' update ids apart), OMBUD_BENCH_USERS.
local threads = {}
local counter = 0
local failures = 0
local bot = os.getenv("OMBUD_BENCH_BOT")
local secret = os.getenv("OMBUD_BENCH_SECRET")
local run = tonumber(os.getenv("OMBUD_BENCH_RUN") or "1")
local users = tonumber(os.getenv("OMBUD_BENCH_USERS") or "20000")

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  base = run * 100000000 + tid * 10000000
end

function request()
  counter = counter + 1
  local update = base + counter
  local user = 7000000000 + ((tid * 7919 + counter * 104729) % users)
  local langs = { "en", "ru", "zh" }
  local lang = langs[(user % 3) + 1]
  local body = '{"update_id":' .. update .. ',"message":{"message_id":' .. update ..
    ',"date":1700000000,"chat":{"id":' .. user .. ',"type":"private","first_name":"Bench"},' ..
    '"from":{"id":' .. user .. ',"is_bot":false,"first_name":"Bench","language_code":"' .. lang .. '"},' ..
    '"text":"Stream ' .. update .. ' breaks the rules, see https://stream.example/v/' .. update .. '"}}'
  return wrk.format("POST", "/telegram/webhook/" .. bot, {
    ["Content-Type"] = "application/json",
    ["X-Telegram-Bot-Api-Secret-Token"] = secret
  }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("failure: HTTP " .. status .. "\n") end
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
