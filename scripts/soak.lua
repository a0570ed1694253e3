-- A mix of the example queries, posted in turn by every wrk connection.
-- The bodies are built by scripts/soak.sh from examples/*.graphql.
local bodies = {}
local index = 0

function init(args)
  for _, path in ipairs(args) do
    local file = assert(io.open(path, "r"))
    bodies[#bodies + 1] = file:read("*a")
    file:close()
  end
end

function request()
  index = index % #bodies + 1
  return wrk.format("POST", "/graphql", {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/graphql-response+json",
  }, bodies[index])
end

-- Each thread counts answers that carry GraphQL errors; done() adds them up.
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

graphql_errors = 0
function response(status, headers, body)
  if string.find(body, '"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("seconds %.2f\n", summary.duration / 1e6))
  io.write(string.format("rps %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("socket_errors %d\n",
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  local with_errors = 0
  for _, thread in ipairs(threads) do
    with_errors = with_errors + thread:get("graphql_errors")
  end
  io.write(string.format("non_2xx %d\n", summary.errors.status))
  io.write(string.format("graphql_errors %d\n", with_errors))
end
