-- wrk script of the soak (bench/http/soak.sh): learner writes. Every request
-- POSTs one progress event with a unique idempotency id to one of the
-- learners soak0..soak9 (created by soak.sh).

local items = {"go-basic-syntax", "go-data-types", "goroutines", "channels", "go-interfaces",
               "gin", "linux-basics", "tcp-ip-stack"}
local counter = 0
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
end

function request()
  counter = counter + 1
  local body = string.format('{"events": [{"item": "%s", "mastery": %.2f, "id": "w%d-%d"}]}',
                             items[counter % #items + 1], (counter % 101) / 100, tid, counter)
  return wrk.format("POST", "/v1/learners/soak" .. (counter % 10) .. "/progress",
                    {["Content-Type"] = "application/json"}, body)
end
