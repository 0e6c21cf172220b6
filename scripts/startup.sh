#!/usr/bin/env bash
# Measures what the starter adds to the sample application's startup, on Spring MVC and on WebFlux (the sample's
# webflux profile), on the JVM and after AOT processing: with and without the starter's auto-configurations, and with
# 10,000 exact origins or 1,000 origin patterns added to the sample's partner-api policy. Each round starts every
# variant once, in turn, so that the machine's load falls alike on all of them; the medians of RUNS rounds (default
# 10) are printed, with the difference each makes. Two measures of each start: the process's uptime when Spring Boot
# logs "Started" (as Spring Boot measures it), and the CPU time the process had used by then, which other processes
# on the machine disturb less. Then it counts the classes each variant loads, and runs scripts/ConfigurationCost.java
# (the refresh and the retained heap, in an application with eight policies) on both Spring Boot lines.
# With BASELINE set to the classes of another build of the starter (cors-core's and the autoconfigure module's, in one
# directory or as a class path), the JVM variants with the starter are also started with those classes first on the
# class path, and scripts/ConfigurationCost.java runs on them too: before and after a change, in the same rounds.
# Usage: [BASELINE=CLASSES] scripts/startup.sh [RUNS]
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

# 10,000 exact origins, or 1,000 origin patterns, for the sample's partner-api policy, on top of its configuration.
origins=$work/origins.yml
{
    echo "cors.policies.partner-api.allowed-origins:"
    for i in $(seq 1 10000); do echo "  - https://app$i.example.com"; done
} > "$origins"
patterns=$work/patterns.yml
{
    echo "cors.policies.partner-api.allowed-origin-patterns:"
    for i in $(seq 1 1000); do echo "  - https://*.tenant$i.example.com"; done
} > "$patterns"

echo "Building the sample application..." >&2
./mvnw -B -q -pl cors-sample-app -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/$work/classpath.txt"
classpath=cors-sample-app/target/classes:$(cat "$work/classpath.txt")

# AOT processing decides the beans at build time, so each variant is processed on its own, as
# spring-boot:process-aot does it: Spring Boot's processor, then javac for the sources it generates.
# Usage: aot_process NAME [JVM-ARGUMENT...]
aot_process() {
    local out=$work/aot-$1
    shift
    java -cp "$classpath" "$@" org.springframework.boot.SpringApplicationAotProcessor \
        io.corsboot.sample.SampleApplication "$out/sources" "$out/resources" "$out/classes" io.corsboot cors-sample-app \
        > "$out.log" 2>&1
    find "$out/sources" -name '*.java' > "$out/sources.txt"
    javac --release 17 -proc:none -d "$out/classes" -cp "$classpath" "@$out/sources.txt"
}
webflux=-Dspring.profiles.active=webflux
echo "AOT processing..." >&2
aot_process mvc-with
aot_process mvc-without "$without"
aot_process webflux-with "$webflux"
aot_process webflux-without "$webflux" "$without"
aot() {
    echo "-Dspring.aot.enabled=true -cp $work/aot-$1/classes:$work/aot-$1/resources:$classpath"
}

# Each variant: its label, then its JVM arguments (split on spaces).
variants=(
    "JVM, MVC, without the starter|-cp $classpath $without"
    "JVM, MVC, with the starter|-cp $classpath"
    "JVM, MVC, with 10,000 origins|-cp $classpath -Dspring.config.additional-location=file:$origins"
    "JVM, MVC, with 1,000 patterns|-cp $classpath -Dspring.config.additional-location=file:$patterns"
    "JVM, WebFlux, without the starter|-cp $classpath $webflux $without"
    "JVM, WebFlux, with the starter|-cp $classpath $webflux"
    "AOT, MVC, without the starter|$(aot mvc-without) $without"
    "AOT, MVC, with the starter|$(aot mvc-with)"
    "AOT, MVC, with 10,000 origins|$(aot mvc-with) -Dspring.config.additional-location=file:$origins"
    "AOT, WebFlux, without the starter|$(aot webflux-without) $webflux $without"
    "AOT, WebFlux, with the starter|$(aot webflux-with) $webflux"
)
# Each variant's base: the variant it is compared with.
base=(- 0 1 1 - 4 - 6 7 - 9)
if [ -n "${BASELINE:-}" ]; then
    variants+=(
        "JVM, MVC, with the starter, baseline|-cp $BASELINE:$classpath"
        "JVM, MVC, 10,000 origins, baseline|-cp $BASELINE:$classpath -Dspring.config.additional-location=file:$origins"
        "JVM, MVC, 1,000 patterns, baseline|-cp $BASELINE:$classpath -Dspring.config.additional-location=file:$patterns"
    )
    base+=(0 11 11)
fi

# Usage: start LOG JAVA-ARGUMENT... ; prints the uptime at "Started" and the CPU time used by then, in milliseconds.
start() {
    local log=$1 pid started ticks
    shift
    java "$@" io.corsboot.sample.SampleApplication --server.address=127.0.0.1 --server.port=0 \
        --sample.playground.port=0 > "$log" 2>&1 &
    pid=$!
    SAMPLE_PIDS+=("$pid")
    started=""
    for _ in $(seq 1 2400); do
        started=$(grep -soE 'process running for [0-9.]+' "$log" | grep -oE '[0-9.]+$' || true)
        [ -n "$started" ] && break
        sleep 0.05
    done
    # utime and stime, in clock ticks: fields 14 and 15 of /proc/PID/stat (the command name holds no space here).
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    stop_samples
    [ -n "$started" ] || { echo "$log: the application did not start" >&2; exit 1; }
    awk -v s="$started" -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%d %d\n", s * 1000, t * 1000 / hz }'
}

echo "Java: $(java -version 2>&1 | head -n 1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
results=$work/results.txt
: > "$results"
for round in $(seq 1 "$runs"); do
    for i in "${!variants[@]}"; do
        # shellcheck disable=SC2086
        echo "$i $(start "$work/start-$i-$round.log" ${variants[$i]#*|})" >> "$results"
    done
done

# The median of each variant, and what it adds to the variant it differs from by one thing.
median() {
    sort -n | awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : int((t[NR / 2] + t[NR / 2 + 1]) / 2) }'
}
declare -A up cpu
for i in "${!variants[@]}"; do
    up[$i]=$(awk -v i="$i" '$1 == i { print $2 }' "$results" | median)
    cpu[$i]=$(awk -v i="$i" '$1 == i { print $3 }' "$results" | median)
done
printf '%-36s %10s %10s %14s %14s\n' variant uptime CPU "added uptime" "added CPU"
for i in "${!variants[@]}"; do
    b=${base[$i]}
    if [ "$b" = - ]; then
        printf '%-36s %7d ms %7d ms\n' "${variants[$i]%%|*}" "${up[$i]}" "${cpu[$i]}"
    else
        printf '%-36s %7d ms %7d ms %+8d (%+.1f%%) %+8d (%+.1f%%)\n' "${variants[$i]%%|*}" "${up[$i]}" "${cpu[$i]}" \
            $((up[$i] - up[$b])) "$(awk -v a="${up[$i]}" -v b="${up[$b]}" 'BEGIN { print (a - b) * 100 / b }')" \
            $((cpu[$i] - cpu[$b])) "$(awk -v a="${cpu[$i]}" -v b="${cpu[$b]}" 'BEGIN { print (a - b) * 100 / b }')"
    fi
done
echo "($runs rounds; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"

# The classes each variant loads: how many more the starter brings, and whose.
echo
echo "Classes loaded by the JVM, MVC variants (one start each):"
for i in 0 1 2 3; do
    # shellcheck disable=SC2086
    start "$work/classes-$i.log" -Xlog:class+load=info:file="$work/classes-$i.txt" ${variants[$i]#*|} > /dev/null
    printf '  %-34s %6d classes, %4d of them io.corsboot\n' "${variants[$i]%%|*}" \
        "$(grep -c 'class,load' "$work/classes-$i.txt")" "$(grep -c ' io\.corsboot\.' "$work/classes-$i.txt")"
done
classes() { grep -oE '\] [^ ]+ source' "$1" | cut -d' ' -f2 | sort -u; }
echo "  Loaded with the starter and not without it, by package:"
comm -13 <(classes "$work/classes-0.txt") <(classes "$work/classes-1.txt") | sed -E 's/\.[^.]+$//' | sort | uniq -c \
    | sort -rn | awk 'NR <= 25'

# The refresh and the retained heap, in an application with eight policies, on each Spring Boot line.
# Usage: cost CLASSPATH
cost() {
    for counts in "10000 0" "3 1000" "3 0"; do
        # shellcheck disable=SC2086
        java -XX:+UseSerialGC -Dhistograms="$work" -cp "$1" scripts/ConfigurationCost.java $counts 11 \
            2> /dev/null | grep -vE '^[0-9]{4}-|^\s|^$' || true
    done
}
for module in cors-spring-boot-autoconfigure cors-spring-boot3-autoconfigure; do
    echo
    echo "scripts/ConfigurationCost.java on $module (10,000 origins; 1,000 patterns; 3 origins):"
    # Without Spring Cloud Gateway, which the module's tests leave out too: its auto-configuration would make the
    # application a gateway.
    ./mvnw -B -q -pl "$module" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -DexcludeArtifactIds=spring-cloud-gateway-server-webflux,spring-cloud-gateway-server \
        -Dmdep.outputFile="$PWD/$work/$module.classpath" > /dev/null
    cost_classpath=$module/target/classes:cors-core/target/classes:$(cat "$work/$module.classpath")
    cost "$cost_classpath"
    # The heap the whole starter keeps with eight policies: the same application without it, and what differs by class.
    java -XX:+UseSerialGC -Dstarter=false -Dhistograms="$work" -cp "$cost_classpath" scripts/ConfigurationCost.java 3 0 \
        2> /dev/null | grep -E '^heap' || true
    echo "Retained with the starter and not without it, by class (bytes, instances):"
    histogram() { awk 'NR > 2 && $4 != "" { print $4, $3, $2 }' "$1"; }
    join -a 2 -e 0 -o 0,1.2,2.2,1.3,2.3 <(histogram "$work/histogram-without.txt" | sort) \
        <(histogram "$work/histogram-with.txt" | sort) \
        | awk '{ printf "%10d %8d %s\n", $3 - $2, $5 - $4, $1 }' | sort -rn | awk 'NR <= 20'
    if [ -n "${BASELINE:-}" ] && [ "$module" = cors-spring-boot-autoconfigure ]; then
        echo
        echo "The same on the baseline:"
        cost "$BASELINE:$cost_classpath"
    fi
done
