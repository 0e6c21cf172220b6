-- wrk script for scripts/soak.sh: a mix of allowed, rejected, preflight and non-CORS requests to the sample
-- application, and a count of every answer by what it must be. The policy it expects is the one soak.sh adds
-- on the command line (cors.policies.soak).

local path = "/public/greeting"
local allowed = "https://app.example.com"

-- Each entry: weight, expected class, method, headers. Classes: "allowed" (200 with Access-Control-Allow-Origin),
-- "rejected" (403 without it), "plain" (200 without it).
local mix = {
    { 25, "allowed", "GET", { ["Origin"] = allowed } },
    { 15, "rejected", "GET", { ["Origin"] = "https://evil.example.net" } },
    { 5, "rejected", "GET", { ["Origin"] = allowed .. "." } },
    { 20, "allowed", "OPTIONS", { ["Origin"] = allowed, ["Access-Control-Request-Method"] = "POST",
        ["Access-Control-Request-Headers"] = "content-type" } },
    { 10, "rejected", "OPTIONS", { ["Origin"] = allowed, ["Access-Control-Request-Method"] = "DELETE" } },
    { 5, "rejected", "PUT", { ["Origin"] = allowed } },
    { 20, "plain", "GET", {} },
}

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    requests = {}
    classes = {}
    for _, entry in ipairs(mix) do
        local formatted = wrk.format(entry[3], path, entry[4])
        for _ = 1, entry[1] do
            table.insert(requests, formatted)
            table.insert(classes, entry[2])
        end
    end
    sent = { allowed = 0, rejected = 0, plain = 0 }
    received = { allowed = 0, rejected = 0, plain = 0, unexpected = 0, server_error = 0 }
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16))
end

function request()
    local i = math.random(#requests)
    sent[classes[i]] = sent[classes[i]] + 1
    return requests[i]
end

function response(status, headers, body)
    local origin = nil
    for name, value in pairs(headers) do
        if string.lower(name) == "access-control-allow-origin" then
            origin = value
        end
    end
    if status >= 500 then
        received.server_error = received.server_error + 1
    elseif status == 200 and origin == allowed then
        received.allowed = received.allowed + 1
    elseif status == 403 and origin == nil then
        received.rejected = received.rejected + 1
    elseif status == 200 and origin == nil then
        received.plain = received.plain + 1
    else
        received.unexpected = received.unexpected + 1
    end
end

function done(summary, latency, requests)
    local totals = { sent_allowed = 0, sent_rejected = 0, sent_plain = 0, allowed = 0, rejected = 0, plain = 0,
        unexpected = 0, server_error = 0 }
    for _, thread in ipairs(threads) do
        local s = thread:get("sent")
        local r = thread:get("received")
        totals.sent_allowed = totals.sent_allowed + s.allowed
        totals.sent_rejected = totals.sent_rejected + s.rejected
        totals.sent_plain = totals.sent_plain + s.plain
        for _, key in ipairs({ "allowed", "rejected", "plain", "unexpected", "server_error" }) do
            totals[key] = totals[key] + r[key]
        end
    end
    local errors = summary.errors
    -- One line for soak.sh to read; wrk's own summary is printed above it.
    io.write(string.format("SOAK requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f "
        .. "connect=%d read=%d write=%d timeout=%d server_error=%d unexpected=%d "
        .. "sent_allowed=%d allowed=%d sent_rejected=%d rejected=%d sent_plain=%d plain=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        errors.connect, errors.read, errors.write, errors.timeout, totals.server_error, totals.unexpected,
        totals.sent_allowed, totals.allowed, totals.sent_rejected, totals.rejected, totals.sent_plain, totals.plain))
end
