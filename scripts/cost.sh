#!/usr/bin/env bash
# What the starter costs a real request: bytes allocated and CPU time per request on Tomcat (Spring MVC) and on
# Netty (WebFlux), for the smallest application with the starter (cors-benchmarks-app), the same with Micrometer's
# cors.requests counters, with Spring's own CorsFilter or CorsWebFilter and the same policy, and with no CORS.
#
# Three requests: an allowed cross-origin GET, a GET without Origin on the path the policy covers, and a
# cross-origin GET on a path that no policy covers; and with REQUESTS, an allowed preflight (preflight).
# APP=policies measures instead an application with eight policies and Actuator (the Maven and Spring profiles
# policies of cors-benchmarks-app), into target/cost-policies, with these four requests and a fifth: a cross-origin
# GET on a path that no policy covers beside two patterns with captures that cover others (uncovered-tie).
# The variants of a stack run side by side and are loaded in turn, in a rotating order, ROUNDS times for DURATION
# each, so that they share whatever the machine's neighbours do.
# Per request:
#   - bytes allocated by the server's threads (ThreadMXBean, exact; scripts/ServerThreads.java reads them over a
#     local JMX connection whose own threads are not counted): they depend on the code alone;
#   - CPU time of the whole server process (user and system, from /proc, so JIT and GC included) and of the
#     server's threads alone (ThreadMXBean): they depend on the neighbours far less than requests per second do;
#   - instructions, with PERF=1 where perf stat can count them (perf stat -e instructions:u per process).
# JAVA_OPTIONS go to every application, such as -XX:-DoEscapeAnalysis: the JIT compiler removes some allocations,
# and not always the same ones from one JVM to the next, so that the same variant started twice can differ by a few
# hundred bytes per request; without escape analysis every allocation the code makes is counted, the same each time.
# With JFR=1 each application records a flight recording with allocation and CPU samples (JFR_SETTINGS, profile
# unless set to a .jfc file) after the warm-up to target/cost/STACK-VARIANT.jfr; the recording costs CPU, so that
# run's numbers are not the ones to quote. Every allocation with its stack, for scripts/AllocationSites.java:
#   JFR=1 JFR_SETTINGS=$PWD/scripts/allocations.jfc JAVA_OPTIONS="-XX:-DoEscapeAnalysis -XX:-UseTLAB" \
#       ROUNDS=1 DURATION=3s WARMUP=8s REQUESTS=allowed scripts/cost.sh
# The summary gives medians with min-max over the rounds, the starter's difference to no CORS round by round, and
# ratios of the medians. wrk runs on 127.0.0.1, one thread, bounded in time; the applications stop on exit.
#
#   scripts/cost.sh                                # both stacks, 5 rounds of 5 s per variant and request
#   ROUNDS=3 DURATION=3s VARIANTS="starter none" scripts/cost.sh mvc
#   APP=policies VARIANTS="starter stock none" scripts/cost.sh webflux
set -euo pipefail

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-8}
ORIGIN=https://app.example.com
APP=${APP:-smallest}
STACKS=("${@:-mvc webflux}")
read -r -a STACKS <<< "${STACKS[*]}"
read -r -a VARIANTS <<< "${VARIANTS:-starter micrometer stock none}"
DEFAULT_REQUESTS="allowed no-origin uncovered"
[ "$APP" = policies ] && DEFAULT_REQUESTS="$DEFAULT_REQUESTS uncovered-tie preflight"
read -r -a REQUESTS <<< "${REQUESTS:-$DEFAULT_REQUESTS}"

source "$(dirname "$0")/lib.sh"
APP_PROFILES=()
MAVEN_PROFILES=benchmarks
SAMPLE_JAR=cors-benchmarks-app/target/cost-app.jar
WORK_DEFAULT=target/cost
if [ "$APP" = policies ]; then
    APP_PROFILES=(policies)
    MAVEN_PROFILES=benchmarks,policies
    SAMPLE_JAR=cors-benchmarks-app/target/policies/cost-app.jar
    WORK_DEFAULT=target/cost-policies
elif [ "$APP" != smallest ]; then
    echo "APP is smallest or policies" >&2; exit 2
fi
WORK=${WORK:-$WORK_DEFAULT}
mkdir -p "$WORK/probe"
# wrk sends other methods than GET from a script.
cat > "$WORK/preflight.lua" <<'LUA'
wrk.method = "OPTIONS"
wrk.headers["Access-Control-Request-Method"] = "PUT"
wrk.headers["Access-Control-Request-Headers"] = "content-type"
LUA

require_wrk
if [ "${BUILD:-1}" = 1 ]; then
    echo "Building the cost application..." >&2
    ./mvnw -B -q -P"$MAVEN_PROFILES" -pl cors-benchmarks-app -am package -DskipTests
fi
javac -d "$WORK/probe" scripts/ServerThreads.java

PROBE_PID=""
trap 'stop_samples; [ -z "$PROBE_PID" ] || kill "$PROBE_PID" 2> /dev/null || true' EXIT

# Starts one variant, leaving its port in SAMPLE_PORT and its process id in SAMPLE_PID.
start() {
    local stack=$1 variant=$2 args=() profiles=("${APP_PROFILES[@]}")
    [ "$stack" = webflux ] && args+=(--spring.main.web-application-type=reactive)
    case "$variant" in
        micrometer) profiles+=(micrometer) ;;
        stock) profiles+=(stock-cors) ;;
        none) args+=(--cors.enabled=false) ;;
    esac
    [ ${#profiles[@]} -gt 0 ] && args+=("--spring.profiles.active=$(IFS=,; echo "${profiles[*]}")")
    # shellcheck disable=SC2086
    start_sample "$WORK/$stack-$variant.log" -Xms256m -Xmx256m ${JAVA_OPTIONS:-} -- "${args[@]}"
}

# The URL of a request.
url_of() {
    case "$2" in
        uncovered) echo "http://127.0.0.1:$1/open/greeting" ;;
        uncovered-tie) echo "http://127.0.0.1:$1/tie/b/c" ;;
        *) echo "http://127.0.0.1:$1/api/greeting" ;;
    esac
}

# The variants must differ only in who writes the CORS headers.
check() {
    local port=$1 variant=$2 acao
    acao=$(curl -s -o /dev/null -D - -H "Origin: $ORIGIN" "$(url_of "$port" allowed)" | tr -d '\r' \
        | awk -F': ' 'tolower($1) == "access-control-allow-origin" { print $2 }')
    if [ "$variant" = none ] && [ -n "$acao" ]; then
        echo "$variant answered Access-Control-Allow-Origin: $acao" >&2; exit 1
    fi
    if [ "$variant" != none ] && [ "$acao" != "$ORIGIN" ]; then
        echo "$variant did not allow $ORIGIN" >&2; exit 1
    fi
    if [ "$variant" != none ] && [[ " ${REQUESTS[*]} " == *" preflight "* ]]; then
        acao=$(curl -s -o /dev/null -D - -X OPTIONS -H "Origin: $ORIGIN" -H "Access-Control-Request-Method: PUT" \
            -H "Access-Control-Request-Headers: content-type" "$(url_of "$port" preflight)" | tr -d '\r' \
            | awk -F': ' 'tolower($1) == "access-control-allow-origin" { print $2 }')
        if [ "$acao" != "$ORIGIN" ]; then
            echo "$variant did not allow the preflight from $ORIGIN" >&2; exit 1
        fi
    fi
}

cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# Bytes allocated and CPU nanoseconds of the server threads of process $1, so far.
server_threads() {
    echo "$1" >&"${PROBE[1]}"
    read -r -u "${PROBE[0]}" bytes nanos
    echo "$bytes $nanos"
}

# Loads process $3 at port $1 with request $2 for $4 and prints
# "requests requests/s bytes/request process-CPU-us/request thread-CPU-us/request".
load() {
    local port=$1 request=$2 pid=$3 duration=$4 ticks0 ticks1 b0 n0 b1 n1 output perf_pid=""
    read -r b0 n0 < <(server_threads "$pid")
    ticks0=$(cpu_ticks "$pid")
    if [ "${PERF:-0}" = 1 ]; then
        perf stat -e instructions:u -x, -o "$WORK/perf.out" -p "$pid" & perf_pid=$!
    fi
    # wrk drops a header written without the space after its colon.
    local origin=(-H "Origin: $ORIGIN")
    [ "$request" = no-origin ] && origin=()
    [ "$request" = preflight ] && origin+=(-s "$WORK/preflight.lua")
    output=$(wrk -t1 -c"$CONNECTIONS" -d"$duration" --timeout 5s "${origin[@]}" "$(url_of "$port" "$request")")
    ticks1=$(cpu_ticks "$pid")
    read -r b1 n1 < <(server_threads "$pid")
    local instructions=0
    if [ -n "$perf_pid" ]; then
        kill -INT "$perf_pid"; wait "$perf_pid" || true
        instructions=$(awk -F, '/instructions/ { print ($1 ~ /^[0-9]+$/) ? $1 : 0 }' "$WORK/perf.out")
    fi
    # Without CORS a preflight is refused (the variants with CORS are checked to allow it): counted all the same.
    local strict=1
    [ "$request" = preflight ] && strict=0
    echo "$output" | awk -v strict="$strict" -v bytes=$((b1 - b0)) -v nanos=$((n1 - n0)) -v ticks=$((ticks1 - ticks0)) \
        -v hz="$(getconf CLK_TCK)" -v instructions="$instructions" '
        / requests in / { requests = $1 }
        /Requests\/sec:/ { rps = $2 }
        /Non-2xx/ { bad = $NF }
        END {
            if ((strict && bad > 0) || requests == 0) { print "wrk: " bad " bad answers of " requests > "/dev/stderr"; exit 1 }
            printf "%d %.0f %.1f %.2f %.2f %.0f\n", requests, rps, bytes / requests, ticks / hz * 1e6 / requests,
                nanos / 1000 / requests, instructions / requests
        }'
}

# The JMX client complains on standard error when an application it reads from stops: expected here.
coproc PROBE { exec java -cp "$WORK/probe" ServerThreads 2> /dev/null; }

RESULTS="$WORK/results.txt"
: > "$RESULTS"
SECONDS=0
for stack in "${STACKS[@]}"; do
    declare -A PORT=() SERVER=()
    for variant in "${VARIANTS[@]}"; do
        start "$stack" "$variant"
        PORT[$variant]=$SAMPLE_PORT
        SERVER[$variant]=$SAMPLE_PID
        check "$SAMPLE_PORT" "$variant"
    done
    for request in "${REQUESTS[@]}"; do
        for variant in "${VARIANTS[@]}"; do
            load "${PORT[$variant]}" "$request" "${SERVER[$variant]}" "$WARMUP" > /dev/null
        done
    done
    if [ "${JFR:-0}" = 1 ]; then
        for variant in "${VARIANTS[@]}"; do
            jcmd "${SERVER[$variant]}" JFR.start name=cost settings="${JFR_SETTINGS:-profile}" \
                filename="$PWD/$WORK/$stack-$variant.jfr" > /dev/null
        done
    fi
    count=${#VARIANTS[@]}
    for round in $(seq 1 "$ROUNDS"); do
        for request in "${REQUESTS[@]}"; do
            for i in $(seq 0 $((count - 1))); do
                variant=${VARIANTS[$(( (round + i) % count ))]}
                read -r requests rps bytes cpu thread_cpu instructions \
                    < <(load "${PORT[$variant]}" "$request" "${SERVER[$variant]}" "$DURATION")
                echo "$stack $request $variant $round $requests $rps $bytes $cpu $thread_cpu $instructions" \
                    | tee -a "$RESULTS" >&2
            done
        done
    done
    if [ "${JFR:-0}" = 1 ]; then
        for pid in "${SERVER[@]}"; do
            jcmd "$pid" JFR.stop name=cost > /dev/null
        done
    fi
    stop_samples
    unset PORT SERVER
done
echo "Measured in ${SECONDS} s." >&2

# Per stack, request and variant: medians (min-max) over the rounds; the difference to no CORS, paired round by
# round (median, min-max); ratios of the medians to no CORS and to Spring's filter.
echo
echo "| stack | request | variant | requests/s | B/request | B − none, by round | process CPU µs/request" \
    "| µs − none, by round | vs none | vs stock | server threads' CPU µs/request | instructions/request |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk -v variants="${VARIANTS[*]}" '
    function sort(list, a,   n, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n
    }
    function median(list,   a, n) {
        n = sort(list, a)
        return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function spread(list, digits,   a, n) {
        n = sort(list, a)
        return sprintf("%." digits "f (%." digits "f to %." digits "f)", median(list), a[1], a[n])
    }
    {
        key = $1 " " $2 " " $3
        rps[key] = rps[key] " " $6; bytes[key] = bytes[key] " " $7; cpu[key] = cpu[key] " " $8
        threads[key] = threads[key] " " $9; instr[key] = instr[key] " " $10
        b[key, $4] = $7; c[key, $4] = $8; rounds[$4] = 1
        if (!($1 " " $2 in seen)) { seen[$1 " " $2] = 1; order[++n] = $1 " " $2 }
    }
    END {
        split(variants, vs, " ")
        for (k = 1; k <= n; k++) {
            for (v = 1; v in vs; v++) {
                key = order[k] " " vs[v]; none = order[k] " none"; stock = order[k] " stock"
                db = ""; dc = ""
                for (r in rounds) if ((key, r) in b && (none, r) in b) {
                    db = db " " (b[key, r] - b[none, r]); dc = dc " " (c[key, r] - c[none, r])
                }
                mc = median(cpu[key])
                split(order[k], sr, " ")
                printf "| %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %.0f |\n", sr[1], sr[2], vs[v],
                    median(rps[key]), spread(bytes[key], 0), (none in rps) ? spread(db, 0) : "",
                    spread(cpu[key], 2), (none in rps) ? spread(dc, 2) : "",
                    (none in rps) ? sprintf("%.3f", mc / median(cpu[none])) : "",
                    (stock in rps) ? sprintf("%.3f", mc / median(cpu[stock])) : "",
                    spread(threads[key], 2), median(instr[key])
            }
        }
    }' "$RESULTS"
