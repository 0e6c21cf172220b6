#!/usr/bin/env bash
# A gateway round trip on loopback: requests per second and p99 latency of an allowed cross-origin GET through
# Spring Cloud Gateway to a routed service, with the starter and without it (its auto-configurations left out), on
# Gateway Server WebFlux (Netty) and Gateway Server Web MVC (Tomcat). The gateways and the service are the gateway
# tests' (cors-gateway-tests).
#
# Both variants of a server run side by side and are loaded in turn, alternating which goes first, for ROUNDS rounds
# of DURATION each; every wrk run is bounded in time and the gateways are stopped on exit.
#
#   scripts/gateway-load.sh                       # both servers, 5 rounds of 5 s per variant
#   ROUNDS=7 DURATION=10s scripts/gateway-load.sh webflux
set -euo pipefail

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-8}
SERVERS=("${@:-webflux webmvc}")
read -r -a SERVERS <<< "${SERVERS[*]}"
VARIANTS=(starter none)

source "$(dirname "$0")/lib.sh"
WORK=cors-gateway-tests/target/load
mkdir -p "$WORK"

require_wrk
echo "Building the gateway tests..." >&2
# One reactor build, so that the starter and the sample's test classes come from this checkout; the gateway tests
# come last, so theirs is the class path left in the file.
./mvnw -B -q -pl cors-gateway-tests -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$WORK/classpath.txt"
CLASSPATH_LINE="cors-gateway-tests/target/test-classes:$(cat "$WORK/classpath.txt")"

trap stop_samples EXIT

# Starts one variant, leaving its port in PORT.
start() {
    local log="$WORK/$1-$2.log"
    # Without TCP_NODELAY the JDK's server sends the body after a delayed acknowledgement, 40 ms a request.
    java -Xms256m -Xmx256m -Dsun.net.httpserver.nodelay=true -cp "$CLASSPATH_LINE" io.corsboot.gateway.GatewayLoad \
        "$1" "$2" > "$log" 2>&1 &
    SAMPLE_PIDS+=("$!")
    for _ in $(seq 1 240); do
        PORT=$(grep -soE 'Gateway listening on port [0-9]+' "$log" | grep -oE '[0-9]+$' || true)
        [ -n "$PORT" ] && return
        sleep 0.5
    done
    echo "The gateway did not start, see $log" >&2
    exit 1
}

# Runs wrk once and prints "requests/s p99-ms".
load() {
    wrk -t1 -c"$CONNECTIONS" -d"$2" --timeout 5s --latency -H "Origin: https://app.example.com" "$1" \
        | awk "$AWK_WRK_P99"'
        /Requests\/sec:/ { rps = $2 }
        END { printf "%.0f %.3f\n", rps, ms }'
}

RESULTS="$WORK/results.txt"
: > "$RESULTS"
for server in "${SERVERS[@]}"; do
    declare -A URL=()
    for variant in "${VARIANTS[@]}"; do
        start "$server" "$variant"
        URL[$variant]="http://127.0.0.1:$PORT/api/orders"
    done
    for variant in "${VARIANTS[@]}"; do
        load "${URL[$variant]}" "$WARMUP" > /dev/null
    done
    for round in $(seq 1 "$ROUNDS"); do
        for i in 0 1; do
            variant=${VARIANTS[$(( (round + i) % 2 ))]}
            read -r rps p99 < <(load "${URL[$variant]}" "$DURATION")
            echo "$server $variant $round $rps $p99" | tee -a "$RESULTS" >&2
        done
    done
    stop_samples
    unset URL
done

# Medians with their spread, and the starter's median as a ratio to the gateway without it.
echo
echo "| server | variant | requests/s median (min-max) | p99 ms median (min-max) | rps starter / none |"
echo "|---|---|---:|---:|---:|"
awk "$AWK_MEDIAN"'
    { rps[$1 " " $2] = rps[$1 " " $2] " " $4; p99[$1 " " $2] = p99[$1 " " $2] " " $5; servers[$1] = 1 }
    END {
        for (s in servers) {
            for (k = 1; k <= 2; k++) {
                v = (k == 1) ? "starter" : "none"
                mr[v] = median(rps[s " " v]); rlo[v] = lo; rhi[v] = hi
                mp[v] = median(p99[s " " v]); plo[v] = lo; phi[v] = hi
            }
            for (k = 1; k <= 2; k++) {
                v = (k == 1) ? "starter" : "none"
                printf "| %s | %s | %.0f (%.0f-%.0f) | %.2f (%.2f-%.2f) | %s |\n", s, v, mr[v], rlo[v], rhi[v],
                    mp[v], plo[v], phi[v], (k == 1) ? sprintf("%.3f", mr["starter"] / mr["none"]) : ""
            }
        }
    }' "$RESULTS"
