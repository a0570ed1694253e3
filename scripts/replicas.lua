-- The query mix of scripts/replicas.sh, sent by every wrk connection in
-- turn: GET /graphql?query=… and POST /graphql, one line each of the
-- requests file ("METHOD<tab>PATH<tab>BODY"). Counts every status, and
-- names the phase (read from the phase file the script rewrites) of each
-- answer that is not a 2xx or carries GraphQL errors.
local requests = {}
local index = 0
local phase_file

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    if method then
      local headers = { ["Accept"] = "application/graphql-response+json" }
      if method == "POST" then
        headers["Content-Type"] = "application/json"
      else
        body = nil
      end
      requests[#requests + 1] = { method = method, request = wrk.format(method, path, headers, body) }
    end
  end
  file:close()
  assert(#requests > 0, "no request in " .. args[1])
  phase_file = args[2]
  -- Each thread starts at another place in the mix.
  index = ((id or 1) - 1) * 3 % #requests
end

-- Per thread; done() adds them up.
sent = {}
statuses = {}
failures = {}

function request()
  index = index % #requests + 1
  local chosen = requests[index]
  sent[chosen.method] = (sent[chosen.method] or 0) + 1
  return chosen.request
end

local function phase()
  local file = io.open(phase_file, "r")
  if not file then
    return "unknown"
  end
  local name = file:read("*l") or "unknown"
  file:close()
  return name
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local failed = status < 200 or status > 299
  if not failed and string.find(body, '"errors"', 1, true) then
    failed = true
    status = "graphql-errors"
  end
  if failed then
    local key = phase() .. " " .. status
    failures[key] = (failures[key] or 0) + 1
  end
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

local function add(into, from)
  for key, count in pairs(from or {}) do
    into[key] = (into[key] or 0) + count
  end
end

function done(summary, latency, _)
  local all_sent, all_statuses, all_failures = {}, {}, {}
  for _, thread in ipairs(threads) do
    add(all_sent, thread:get("sent"))
    add(all_statuses, thread:get("statuses"))
    add(all_failures, thread:get("failures"))
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("@ requests %d\n", summary.requests))
  io.write(string.format("@ seconds %.2f\n", seconds))
  io.write(string.format("@ rps %.0f\n", summary.requests / seconds))
  io.write(string.format("@ p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("@ p99_ms %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("@ max_ms %.2f\n", latency.max / 1000))
  io.write(string.format("@ non_2xx %d\n", summary.errors.status))
  for _, kind in ipairs({ "connect", "read", "write", "timeout" }) do
    io.write(string.format("@ socket_%s %d\n", kind, summary.errors[kind]))
  end
  for method, count in pairs(all_sent) do
    io.write(string.format("@ sent %s %d\n", method, count))
  end
  for status, count in pairs(all_statuses) do
    io.write(string.format("@ status %s %d\n", tostring(status), count))
  end
  for key, count in pairs(all_failures) do
    io.write(string.format("@ failed %s %d\n", key, count))
  end
end
