#!/usr/bin/env bash
# End-to-end load on loopback: requests per second, p99 latency and the server's CPU time per request of an allowed
# cross-origin GET against the sample app with the starter, with Spring's own CORS filter (profile stock-cors, same cors.* policies) and with no
# CORS at all (cors.enabled=false), on Tomcat (Spring MVC) and on Netty (WebFlux).
#
# The three variants of a stack run side by side and are loaded in turn, in a rotating order, for ROUNDS rounds of
# DURATION each; the summary gives medians with their spread (min-max). The server's CPU time per request (user and
# system, from /proc) varies far less between rounds than requests per second, because it does not depend on how
# much of the two cores wrk and the other variants leave to the server. Every wrk run is bounded in time, and the
# applications are stopped on exit.
#
#   scripts/load.sh                     # both stacks, 5 rounds of 5 s per variant
#   ROUNDS=7 DURATION=10s scripts/load.sh mvc
set -euo pipefail

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-8}
LOAD_PATH=${LOAD_PATH:-/public/greeting}
LOAD_ORIGIN=${LOAD_ORIGIN:-https://app.example.com}
STACKS=("${@:-mvc webflux}")
read -r -a STACKS <<< "${STACKS[*]}"
VARIANTS=(starter stock none)

source "$(dirname "$0")/lib.sh"
WORK=target/load
mkdir -p "$WORK"

require_wrk
build_sample
trap stop_samples EXIT

# Starts one variant, leaving its port in SAMPLE_PORT and its process id in SAMPLE_PID.
start() {
    local stack=$1 variant=$2 profiles="" args=()
    [ "$stack" = webflux ] && profiles="webflux"
    case "$variant" in
        stock) profiles="${profiles:+$profiles,}stock-cors" ;;
        none) args+=(--cors.enabled=false) ;;
    esac
    start_sample "$WORK/$stack-$variant.log" -Xms256m -Xmx256m -- --spring.profiles.active="$profiles" "${args[@]}"
}

# The variants must differ only in who writes the CORS headers.
check() {
    local url=$1 variant=$2 acao
    acao=$(curl -s -o /dev/null -D - -H "Origin: $LOAD_ORIGIN" "$url" | tr -d '\r' \
        | awk -F': ' 'tolower($1) == "access-control-allow-origin" { print $2 }')
    if [ "$variant" = none ] && [ -n "$acao" ]; then
        echo "$variant answered Access-Control-Allow-Origin: $acao" >&2; exit 1
    fi
    if [ "$variant" != none ] && [ -z "$acao" ]; then
        echo "$variant did not allow $LOAD_ORIGIN on $url" >&2; exit 1
    fi
}

# CPU time the process has used so far, in clock ticks (utime + stime).
cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# Runs wrk once against the server with process id $3 and prints "requests/s p99-ms server-CPU-us-per-request".
load() {
    local before after output
    before=$(cpu_ticks "$3")
    output=$(wrk -t1 -c"$CONNECTIONS" -d"$2" --timeout 5s --latency -H "Origin: $LOAD_ORIGIN" "$1")
    after=$(cpu_ticks "$3")
    echo "$output" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" "$AWK_WRK_P99"'
        / requests in / { requests = $1 }
        /Requests\/sec:/ { rps = $2 }
        END { printf "%.0f %.3f %.1f\n", rps, ms, ticks / hz * 1000000 / requests }'
}

RESULTS="$WORK/results.txt"
: > "$RESULTS"
for stack in "${STACKS[@]}"; do
    declare -A URL=() SERVER=()
    for variant in "${VARIANTS[@]}"; do
        start "$stack" "$variant"
        URL[$variant]="http://127.0.0.1:$SAMPLE_PORT$LOAD_PATH"
        SERVER[$variant]=$SAMPLE_PID
        check "${URL[$variant]}" "$variant"
    done
    for variant in "${VARIANTS[@]}"; do
        load "${URL[$variant]}" "$WARMUP" "${SERVER[$variant]}" > /dev/null
    done
    for round in $(seq 1 "$ROUNDS"); do
        for i in 0 1 2; do
            variant=${VARIANTS[$(( (round + i) % 3 ))]}
            read -r rps p99 cpu < <(load "${URL[$variant]}" "$DURATION" "${SERVER[$variant]}")
            echo "$stack $variant $round $rps $p99 $cpu" | tee -a "$RESULTS" >&2
        done
    done
    stop_samples
    unset URL SERVER
done

# Medians and spread per stack and variant, and the medians as ratios to no CORS and to Spring's filter.
echo
echo "| stack | variant | requests/s median (min-max) | p99 ms median (min-max) | rps vs none | rps vs stock" \
    "| server CPU µs/request median (min-max) | CPU vs none | CPU vs stock |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
awk "$AWK_MEDIAN"'
    {
        rps[$1 " " $2] = rps[$1 " " $2] " " $4; p99[$1 " " $2] = p99[$1 " " $2] " " $5
        cpu[$1 " " $2] = cpu[$1 " " $2] " " $6; stacks[$1] = 1
    }
    END {
        for (s in stacks) {
            for (k = 1; k <= 3; k++) {
                v = (k == 1) ? "starter" : (k == 2) ? "stock" : "none"
                mr[v] = median(rps[s " " v]); rlo[v] = lo; rhi[v] = hi
                mp[v] = median(p99[s " " v]); plo[v] = lo; phi[v] = hi
                mc[v] = median(cpu[s " " v]); clo[v] = lo; chi[v] = hi
            }
            for (k = 1; k <= 3; k++) {
                v = (k == 1) ? "starter" : (k == 2) ? "stock" : "none"
                printf "| %s | %s | %.0f (%.0f-%.0f) | %.2f (%.2f-%.2f) | %.3f | %.3f | %.1f (%.1f-%.1f) | %.3f | %.3f |\n",
                    s, v, mr[v], rlo[v], rhi[v], mp[v], plo[v], phi[v], mr[v] / mr["none"], mr[v] / mr["stock"],
                    mc[v], clo[v], chi[v], mc[v] / mc["none"], mc[v] / mc["stock"]
            }
        }
    }' "$RESULTS"
