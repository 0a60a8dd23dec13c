-- wrk script for POST /api/v1/rmas: each connection-thread takes its own slice of the prepared
-- appliances (distinct serials and Idempotency-Keys), the partner's token per request, and
-- writes the rmaNumber of every 201 to OUT.<thread> for the audit.
-- usage: wrk -s intake.lua URL -- FILE TOKENS_DIR OUT
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, tokens_dir, out = args[1], args[2], args[3]
  local nthreads = tonumber(args[4])
  tokens = {}
  for _, p in ipairs({ "P-1001", "P-1002", "P-2001" }) do
    local f = assert(io.open(tokens_dir .. "/" .. p))
    tokens[p] = f:read("*l")
    f:close()
  end
  reqs = {}
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == id then
      local serial, partner, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
      table.insert(reqs, wrk.format("POST", "/api/v1/rmas", {
        ["Authorization"] = "Bearer " .. tokens[partner],
        ["Content-Type"] = "application/json",
        ["Idempotency-Key"] = "bench-" .. serial,
      }, body))
    end
    i = i + 1
  end
  n = 0
  created = 0
  other = 0
  exhausted = 0
  outf = assert(io.open(out .. "." .. id, "w"))
end

function request()
  n = n + 1
  if n > #reqs then
    -- out of appliances: a cheap GET that is not counted as an RMA
    exhausted = exhausted + 1
    return wrk.format("GET", "/q/health/live")
  end
  return reqs[n]
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    local num = body:match('"rmaNumber":"([^"]+)"')
    if num then outf:write(num, "\n"); outf:flush() end
  elseif status ~= 200 then
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, o, e = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
    e = e + t:get("exhausted")
  end
  io.write(string.format("wrk created=%d other=%d exhausted=%d seconds=%.2f p50=%.1f p99=%.1f max=%.1f\n",
    c, o, e, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
