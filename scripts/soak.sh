#!/usr/bin/env bash
# Load and soak test of the CORS filter on the sample application, on each stack in turn: Spring MVC on Tomcat,
# then WebFlux on Netty. For each: start the application on a free loopback port, warm it up, take the heap after
# a full GC as the baseline, run wrk for SOAK_SECONDS (60) at SOAK_CONNECTIONS (64) with a mix of allowed,
# rejected, preflight and non-CORS requests, then check: no socket error or timeout, no 5xx, every answer of the
# class its request expects (allowed, rejected, plain), and the heap after a full GC back to its baseline.
#
# Loopback only, bounded in time; not part of ./mvnw verify. Needs wrk (Debian: apt-get install -y wrk) and a JDK
# with jcmd. Usage: scripts/soak.sh [mvc|webflux]...   (default: both)
set -euo pipefail

source "$(dirname "$0")/lib.sh"
seconds="${SOAK_SECONDS:-60}"
warmup_seconds="${SOAK_WARMUP_SECONDS:-15}"
connections="${SOAK_CONNECTIONS:-64}"
threads="${SOAK_THREADS:-2}"
heap="${SOAK_HEAP:-256m}"
# The heap after the soak may exceed the baseline by this much before it counts as growth: 10 %, at least 4 MiB.
tolerance_percent=10
tolerance_min_kib=4096
stacks=("$@")
[ ${#stacks[@]} -eq 0 ] && stacks=(mvc webflux)

require_wrk
command -v jcmd >/dev/null || { echo "jcmd is needed: install a JDK, not a JRE" >&2; exit 2; }

work="$(mktemp -d)"
trap 'stop_samples; rm -rf "$work"' EXIT

build_sample

# One policy more than the sample's own, given on the command line so that the mix does not depend on the
# sample's configuration: exact origin, credentials, two methods, one header, on the greeting endpoint.
policy=(--cors.policies.soak.paths=/public/greeting
        --cors.policies.soak.allowed-origins=https://app.example.com
        --cors.policies.soak.allowed-methods=GET,POST
        --cors.policies.soak.allowed-headers=Content-Type
        --cors.policies.soak.allow-credentials=true)

heap_used_kib() {
    jcmd "$SAMPLE_PID" GC.run >/dev/null
    jcmd "$SAMPLE_PID" GC.run >/dev/null
    jcmd "$SAMPLE_PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -n 1 | grep -oE '[0-9]+'
}

field() {
    grep -oE "(^| )$1=[0-9.]+" <<<"$2" | cut -d= -f2
}

failed=0
summary=()
for stack in "${stacks[@]}"; do
    case "$stack" in
        mvc) profile="" ;;
        webflux) profile="webflux" ;;
        *) echo "Unknown stack '$stack': use mvc or webflux" >&2; exit 2 ;;
    esac
    log="$work/$stack.log"
    echo "== $stack: starting the sample application"
    start_sample "$log" -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -- --spring.profiles.active="$profile" "${policy[@]}"
    url="http://127.0.0.1:$SAMPLE_PORT"
    echo "== $stack: listening on $url; warming up for ${warmup_seconds}s"
    timeout $((warmup_seconds + 30)) wrk -t"$threads" -c"$connections" -d"${warmup_seconds}s" -s scripts/soak.lua "$url" \
        >"$work/$stack-warmup.txt"
    baseline_kib="$(heap_used_kib)"
    echo "== $stack: heap after GC, baseline: ${baseline_kib} KiB; soaking for ${seconds}s at $connections connections"
    timeout $((seconds + 60)) wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s -s scripts/soak.lua "$url" \
        | tee "$work/$stack-soak.txt"
    after_kib="$(heap_used_kib)"
    stop_samples

    line="$(grep '^SOAK ' "$work/$stack-soak.txt")"
    problems=()
    for counter in connect read write timeout server_error unexpected; do
        value="$(field "$counter" "$line")"
        [ "$value" = "0" ] || problems+=("$counter=$value")
    done
    # Every answer is of the class its request expects; only the requests still in flight when wrk stops, at most
    # one a connection, may be missing.
    missing=0
    for class in allowed rejected plain; do
        sent="$(field "sent_$class" "$line")"
        received="$(field "$class" "$line")"
        [ "$received" -le "$sent" ] || problems+=("$class: sent $sent, answered as such $received")
        missing=$((missing + sent - received))
    done
    [ "$missing" -le "$connections" ] || problems+=("$missing answers missing or of the wrong class")
    tolerance_kib=$((baseline_kib * tolerance_percent / 100))
    [ "$tolerance_kib" -ge "$tolerance_min_kib" ] || tolerance_kib=$tolerance_min_kib
    [ "$after_kib" -le $((baseline_kib + tolerance_kib)) ] \
        || problems+=("heap grew from ${baseline_kib} KiB to ${after_kib} KiB")
    if grep -qE 'OutOfMemoryError|StackOverflowError' "$log"; then
        problems+=("the application logged an Error")
    fi

    result="$stack: $(field requests "$line") requests in $(field seconds "$line")s, $(field rps "$line") req/s, p50 $(field p50_ms "$line") ms, p99 $(field p99_ms "$line") ms, max $(field max_ms "$line") ms; heap after GC ${baseline_kib} KiB before, ${after_kib} KiB after"
    if [ ${#problems[@]} -eq 0 ]; then
        summary+=("PASS $result")
    else
        summary+=("FAIL $result: ${problems[*]}")
        failed=1
    fi
done

echo
printf '%s\n' "${summary[@]}"
exit "$failed"
