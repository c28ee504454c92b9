-- wrk script of the HTTP load harness (bench/http/run.sh).
--
-- BODY_FILE: when set, every request is a POST of that file as JSON.
-- COUNT_RESPONSES=1: count answers per wrk thread and, at the end, print
--   "starvation: threads=N min=M zero=Z non2xx=X" — run with as many
--   threads as connections (-t64 -c64) so that a thread is a connection.

local body_file = os.getenv("BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

if os.getenv("COUNT_RESPONSES") == "1" then
  local threads = {}

  function setup(thread)
    table.insert(threads, thread)
  end

  function init(args)
    responses = 0
    non2xx = 0
  end

  function response(status, headers, body)
    responses = responses + 1
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
  end

  function done(summary, latency, requests)
    local min, zero, bad = math.huge, 0, 0
    for _, thread in ipairs(threads) do
      local n = thread:get("responses")
      if n < min then min = n end
      if n == 0 then zero = zero + 1 end
      bad = bad + thread:get("non2xx")
    end
    io.write(string.format("starvation: threads=%d min=%d zero=%d non2xx=%d\n",
                           #threads, min, zero, bad))
  end
end
