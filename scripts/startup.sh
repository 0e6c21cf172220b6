#!/usr/bin/env bash
# Measures the startup time the starter adds to the sample application: the median of RUNS starts (default 10) with
# and without the starter's auto-configurations, on the JVM and after AOT processing, and with 10,000 allowed
# origins. The time is the process's uptime when Spring Boot logs "Started", as Spring Boot measures it.
# Usage: scripts/startup.sh [RUNS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap stop_samples EXIT

runs=${1:-10}
work=cors-sample-app/target/startup
rm -rf "$work"
mkdir -p "$work"

# "Without the starter": its jar stays on the class path (the sample's code refers to it), its auto-configurations
# are left out, so no policy is compiled, no filter, endpoint or counter is made.
without="-Dspring.autoconfigure.exclude=$(sed -n 's/^io\.corsboot/io.corsboot/p' \
    cors-spring-boot-autoconfigure/src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports \
    | paste -sd, -)"

# 10,000 exact origins for the sample's partner-api policy, on top of its configuration.
origins=$work/origins.yml
{
    echo "cors.policies.partner-api.allowed-origins:"
    for i in $(seq 1 10000); do echo "  - https://app$i.example.com"; done
} > "$origins"

echo "Building the sample application..." >&2
./mvnw -B -q -pl cors-sample-app -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/$work/classpath.txt"
classpath=cors-sample-app/target/classes:$(cat "$work/classpath.txt")

# AOT processing decides the beans at build time, so each variant is processed on its own, as
# spring-boot:process-aot does it: Spring Boot's processor, then javac for the sources it generates.
# Usage: aot_process NAME [JVM-ARGUMENT]
aot_process() {
    local out=$work/aot-$1
    java -cp "$classpath" ${2:+"$2"} org.springframework.boot.SpringApplicationAotProcessor \
        io.corsboot.sample.SampleApplication "$out/sources" "$out/resources" "$out/classes" io.corsboot cors-sample-app \
        > "$out.log" 2>&1
    find "$out/sources" -name '*.java' > "$out/sources.txt"
    javac --release 17 -proc:none -d "$out/classes" -cp "$classpath" "@$out/sources.txt"
}
aot_process with
aot_process without "$without"

# Usage: median_start LABEL JAVA-ARGUMENT... ; prints the median of $runs starts, in milliseconds.
median_start() {
    local label=$1 times=() i log started
    shift
    for i in $(seq 1 "$runs"); do
        log=$work/$label-$i.log
        java "$@" io.corsboot.sample.SampleApplication --server.address=127.0.0.1 --server.port=0 \
            --sample.playground.port=0 > "$log" 2>&1 &
        SAMPLE_PIDS+=("$!")
        started=""
        for _ in $(seq 1 240); do
            started=$(grep -soE 'process running for [0-9.]+' "$log" | grep -oE '[0-9.]+$' || true)
            [ -n "$started" ] && break
            sleep 0.25
        done
        stop_samples
        [ -n "$started" ] || { echo "$label did not start, see $log" >&2; exit 1; }
        times+=("$(awk -v s="$started" 'BEGIN { printf "%d", s * 1000 }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{ t[NR] = $1 }
        END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
              printf "%-34s median %5d ms   (min %d, max %d, %d starts)\n", label, m, t[1], t[NR], NR }'
}

echo "Java: $(java -version 2>&1 | head -n 1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
median_start "JVM, without the starter" -cp "$classpath" "$without"
median_start "JVM, with the starter" -cp "$classpath"
median_start "JVM, with 10,000 origins" -cp "$classpath" "-Dspring.config.additional-location=file:$origins"
median_start "AOT, without the starter" -Dspring.aot.enabled=true \
    -cp "$work/aot-without/classes:$work/aot-without/resources:$classpath" "$without"
median_start "AOT, with the starter" -Dspring.aot.enabled=true \
    -cp "$work/aot-with/classes:$work/aot-with/resources:$classpath"
median_start "AOT, with 10,000 origins" -Dspring.aot.enabled=true \
    -cp "$work/aot-with/classes:$work/aot-with/resources:$classpath" \
    "-Dspring.config.additional-location=file:$origins"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
