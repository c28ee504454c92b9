-- wrk script of bench/http/stores.sh and ingest.sh: every request posts
-- EVENTS (default 10) progress events
-- with ids never used before to one of LEARNERS stored learners
-- (bench-0 .. bench-N-1), round robin. PREFIX keeps the ids of two wrk
-- processes (two replicas) apart.

local prefix = os.getenv("PREFIX") or "w"
local learners = tonumber(os.getenv("LEARNERS") or "64")
local per_request = tonumber(os.getenv("EVENTS") or "10")
local items = {"go-basic-syntax", "goroutines", "channels", "go-interfaces", "gin"}
local next_thread = 0

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local events = {}
  for i = 1, per_request do
    events[i] = string.format('{"item": "%s", "mastery": 0.%d, "id": "%s-%d-%d-%d"}',
                              items[(counter + i) % 5 + 1], (counter + i) % 10, prefix, tid,
                              counter, i)
  end
  local path = string.format("/v1/learners/bench-%d/progress", (counter * 7 + tid) % learners)
  return wrk.format(nil, path, nil, '{"events": [' .. table.concat(events, ",") .. ']}')
end
