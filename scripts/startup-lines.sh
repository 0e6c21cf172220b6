#!/usr/bin/env bash
# Measures what the starter adds to the startup of a minimal application (cors-startup-app: one controller, Actuator,
# two policies) in eight cells: Spring Boot 4.1 and 3.5, Spring MVC on Tomcat and WebFlux on Reactor Netty, on the JVM
# and after AOT processing. In every cell and every round the application starts once without the starter and once
# with it, one right after the other, so that whatever the machine's neighbours do falls alike on both; the difference
# of the two starts of a round is one sample of what the starter adds.
# "Without the starter" keeps its jar on the class path and leaves out its auto-configurations
# (spring.autoconfigure.exclude), so that the same classes are there to be loaded. A third variant, "Spring's parts",
# also starts without the starter but with the Spring side of what it does at startup and nothing of CORS
# (io.corsboot.startup.SpringPartsConfiguration: cors.* bound by Spring Boot, a filter that passes requests on, an
# Actuator endpoint with the starter's operations, the gauge): what they add is the least that any starter with the
# contract's binding, filter, endpoint and gauge adds, and the starter's own work is what it adds above them. The
# starts of a round come in an order that rotates from one cell and round to the next.
#
# Four measures of each start, all taken when Spring Boot logs "Started": the process's uptime (as Spring Boot logs
# it, the measure of the target), the CPU time of the process, and the CPU time and bytes allocated of the thread that
# ran SpringApplication.run (the application logs them from ThreadMXBean). The last ones count the starter's own work
# and are disturbed least by other processes; the bytes barely move from one start to the next.
#
# Per cell and measure it prints the medians of two variants, the median and the mean of the paired differences (with
# - without, then Spring's parts - without, same round), the mean's 95% confidence interval (Student's t), and, for times, the
# mean over the target: 50 ms on the JVM, 20 ms after AOT. The uptime's verdict is "met" when the whole interval is
# within the target, "missed" when the whole interval is above it, "unresolved" otherwise (more rounds, or a quieter
# machine), with the number of rounds that would settle it at the spread measured. The load average is read before
# every start and printed with each cell. Then it counts the classes each variant loads on the JVM until it has
# started, one start each, by package.
#
# With BASELINE set to a git revision, a fourth variant, "before", starts with the starter as that revision builds it
# (its cors-core and autoconfigure jars in place of the current ones) in the same rounds, and the differences with -
# before say what the change since that revision does to each cell.
#
# Usage: [BASELINE=REVISION] [LOAD_BELOW=1.0] [LOAD_WAIT=600] [JAVA=java] scripts/startup-lines.sh [ROUNDS]
#   ROUNDS      rounds per cell (default 10)
#   LOAD_BELOW  before each cell's round, wait until the 1-minute load average is below this, at most LOAD_WAIT seconds
#   JAVA        the java command that runs the applications (the build uses the JDK Maven finds)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

rounds=${1:-10}
java_command=${JAVA:-java}
load_below=${LOAD_BELOW:-}
load_wait=${LOAD_WAIT:-600}
baseline=${BASELINE:-}
work=target/startup-lines
git worktree remove --force "$work/baseline" 2> /dev/null || true
rm -rf "$work"
mkdir -p "$work"
variants=(without with parts)
[ -z "$baseline" ] || variants+=(before)

# Usage: target_ms MODE; the most the starter may add, in milliseconds.
target_ms() { if [ "$1" = jvm ]; then echo 50; else echo 20; fi; }

# The application, its class path for each line and stack, and the starter's auto-configurations of each line.
# Usage: build LINE STACK MAVEN-PROFILES
build() {
    ./mvnw -B -q -P"$3" -pl cors-startup-app -am package -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip \
        dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$work/$1-$2.classpath"
}
echo "Building the startup application for both lines and stacks..." >&2
build 4 mvc benchmarks
build 4 webflux benchmarks,webflux
build 3 mvc benchmarks,boot3
build 3 webflux benchmarks,boot3,webflux
declare -A classes_dir=([4]=cors-startup-app/target/classes [3]=cors-startup-app/target/boot3/classes)
declare -A autoconfigure=([4]=cors-spring-boot-autoconfigure [3]=cors-spring-boot3-autoconfigure)
if [ -n "$baseline" ]; then
    echo "Building the starter as of $baseline..." >&2
    git worktree add --quiet --detach "$work/baseline" "$baseline"
    trap 'git worktree remove --force "$work/baseline"' EXIT
    (cd "$work/baseline" && ./mvnw -B -q -pl cors-spring-boot-autoconfigure,cors-spring-boot3-autoconfigure -am package \
        -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip)
fi
# Usage: before_classpath CLASSPATH; the class path with the baseline's jars of the starter in place of the current.
before_classpath() {
    local classpath=$1 module
    for module in cors-core cors-spring-boot-autoconfigure cors-spring-boot3-autoconfigure; do
        classpath=${classpath//$PWD\/$module\/target\//$PWD/$work/baseline/$module/target/}
    done
    echo "$classpath"
}
declare -A line_name exclude
for line in 4 3; do
    line_name[$line]="Spring Boot $(grep -oE 'spring-boot-[0-9][0-9.]*[0-9]\.jar' "$work/$line-mvc.classpath" | head -n 1 \
        | sed -E 's/spring-boot-(.*)\.jar/\1/')"
    exclude[$line]="-Dspring.autoconfigure.exclude=$(grep -E '^[a-z]' \
        "${autoconfigure[$line]}/target/classes/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports" \
        | paste -sd, -)"
done
declare -A stack_name=([mvc]="Spring MVC" [webflux]=WebFlux)
declare -A mode_name=([jvm]=JVM [aot]=AOT)

# AOT processing decides the beans at build time, so each variant is processed on its own, as spring-boot:process-aot
# does it: Spring Boot's processor, then javac for the sources it generates.
# Usage: aot_process DIRECTORY CLASSPATH [JVM-ARGUMENT...]
aot_process() {
    local out=$1 classpath=$2
    shift 2
    "$java_command" -cp "$classpath" "$@" org.springframework.boot.SpringApplicationAotProcessor \
        io.corsboot.startup.StartupApplication "$out/sources" "$out/resources" "$out/classes" io.corsboot \
        cors-startup-app > "$out.log" 2>&1
    find "$out/sources" -name '*.java' > "$out/sources.txt"
    javac --release 17 -proc:none -d "$out/classes" -cp "$classpath" "@$out/sources.txt"
}

# Each cell (LINE-STACK-MODE) and variant (without, with): its JVM arguments, split on spaces.
echo "AOT processing..." >&2
cells=()
declare -A arguments
for line in 4 3; do
    # What tells the variants apart, the same on the JVM and for AOT processing.
    declare -A variant_flags=([without]="${exclude[$line]}" [with]=""
        [parts]="${exclude[$line]} -Dstartup.spring-parts=true" [before]="")
    for stack in mvc webflux; do
        for variant in "${variants[@]}"; do
            classpath=${classes_dir[$line]}:$(cat "$work/$line-$stack.classpath")
            [ "$variant" != before ] || classpath=$(before_classpath "$classpath")
            read -r -a flags <<< "${variant_flags[$variant]}"
            aot=$work/aot-$line-$stack-$variant
            aot_process "$aot" "$classpath" "${flags[@]}"
            arguments[$line-$stack-jvm-$variant]="-cp $classpath ${variant_flags[$variant]}"
            arguments[$line-$stack-aot-$variant]="-Dspring.aot.enabled=true -cp $aot/classes:$aot/resources:$classpath"
            arguments[$line-$stack-aot-$variant]+=" ${variant_flags[$variant]}"
        done
        cells+=("$line-$stack-jvm" "$line-$stack-aot")
    done
done

# Usage: start LOG CELL-VARIANT [JVM-ARGUMENT...]; prints the uptime at "Started" and the process's CPU time by then
# in milliseconds, the main thread's CPU time in milliseconds and the bytes it allocated.
start() {
    local log=$1 args
    read -r -a args <<< "${arguments[$2]}"
    shift 2
    if ! timeout 600 "$java_command" "$@" "${args[@]}" -Dstartup.exit=true io.corsboot.startup.StartupApplication \
        --server.address=127.0.0.1 --server.port=0 > "$log" 2>&1; then
        echo "The application did not start or stop, see $log:" >&2
        tail -n 30 "$log" >&2
        exit 1
    fi
    awk '/process running for/ { match($0, /process running for [0-9.]+/); split(substr($0, RSTART, RLENGTH), a, " ")
                                 uptime = a[4] * 1000 }
         /Startup measures:/    { for (i = 1; i <= NF; i++) { split($i, kv, "="); m[kv[1]] = kv[2] } }
         END { if (uptime == "" || m["mainThreadAllocatedBytes"] == "") exit 1
               printf "%.0f %.0f %.0f %.0f\n", uptime, m["processCpuNanos"] / 1e6, m["mainThreadCpuNanos"] / 1e6,
                   m["mainThreadAllocatedBytes"] }' "$log" \
        || { echo "$log: no Started line or no measures" >&2; exit 1; }
}

load1() { cut -d' ' -f1 /proc/loadavg; }

# Waits, at most load_wait seconds, until the 1-minute load average is below load_below.
wait_for_quiet() {
    [ -n "$load_below" ] || return 0
    local waited=0
    while awk -v l="$(load1)" -v b="$load_below" 'BEGIN { exit !(l >= b) }'; do
        if [ "$waited" -ge "$load_wait" ]; then
            echo "Load average still $(load1) after ${load_wait} s; going on" >&2
            return 0
        fi
        sleep 5
        waited=$((waited + 5))
    done
}

echo "Java: $("$java_command" -version 2>&1 | head -n 1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
results=$work/results.txt
: > "$results"
began=$SECONDS
for round in $(seq 1 "$rounds"); do
    echo "Round $round of $rounds..." >&2
    for i in "${!cells[@]}"; do
        cell=${cells[$i]}
        shift_by=$(((round + i) % ${#variants[@]}))
        order=("${variants[@]:shift_by}" "${variants[@]:0:shift_by}")
        wait_for_quiet
        for variant in "${order[@]}"; do
            load=$(load1)
            measures=$(start "$work/start-$cell-$variant-$round.log" "$cell-$variant")
            echo "$cell $variant $round $measures $load" >> "$results"
        done
    done
done
measured=$((SECONDS - began))

# The summary of one cell, from its lines of the results: CELL VARIANT ROUND UPTIME CPU MAIN-CPU MAIN-BYTES LOAD.
# shellcheck disable=SC2016 # an awk program, whose $ fields are awk's
summary_awk='
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    # The 0.975 quantile of Student t with df degrees of freedom: exact to three decimals up to 30, then the
    # Cornish-Fisher expansion around the normal quantile.
    function t975(df,   z) {
        split("12.706 4.303 3.182 2.776 2.571 2.447 2.365 2.306 2.262 2.228 2.201 2.179 2.160 2.145 2.131 " \
              "2.120 2.110 2.101 2.093 2.086 2.080 2.074 2.069 2.064 2.060 2.056 2.052 2.048 2.045 2.042", t, " ")
        if (df <= 30) return t[df]
        z = 1.959964
        return z + (z^3 + z) / (4 * df) + (5 * z^5 + 16 * z^3 + 3 * z) / (96 * df^2)
    }
    $2 != a && $2 != b { next }
    { v[$2, $3, 1] = $4; v[$2, $3, 2] = $5; v[$2, $3, 3] = $6; v[$2, $3, 4] = $7 / 1048576
      rounds[$3] = 1
      if (lo == "" || $8 < lo) lo = $8
      if (hi == "" || $8 > hi) hi = $8 }
    END {
        n = 0; for (r in rounds) n++
        printf "%s: %s, %d rounds, load average %.2f to %.2f\n", title,
            (target == "") ? "before and after" : sprintf("target %d ms", target), n, lo, hi
        printf "  %-22s %9s %9s %14s %12s %24s %11s\n", "", b, a, "added, median", "added, mean",
            "95% interval of mean", "mean/target"
        split("uptime at Started|process CPU|main thread CPU|main thread allocated", names, "|")
        for (k = 1; k <= 4; k++) {
            without = ""; with = ""; diffs = ""; sum = 0
            for (r in rounds) {
                d = v[a, r, k] - v[b, r, k]
                without = without " " v[b, r, k]; with = with " " v[a, r, k]; diffs = diffs " " d
                sum += d; diff[r] = d
            }
            mean = sum / n; ss = 0
            for (r in rounds) ss += (diff[r] - mean)^2
            half = (n > 1) ? t975(n - 1) * sqrt(ss / (n - 1) / n) : 0
            unit = (k == 4) ? "MB" : "ms"
            interval = (n > 1) ? sprintf("[%+.1f, %+.1f] %s", mean - half, mean + half, unit) : "-"
            line = sprintf("  %-22s %6.0f %s %6.0f %s %+11.1f %s %+9.1f %s %24s", names[k], median(without), unit,
                median(with), unit, median(diffs), unit, mean, unit, interval)
            if (k < 4 && target != "") line = line sprintf(" %11.2f", mean / target)
            if (k == 1 && n > 1 && target != "") {
                if (mean + half <= target) line = line "  met"
                else if (mean - half > target) line = line "  missed"
                else {
                    # The rounds after which an interval of this spread around this mean would leave the target out.
                    sd = sqrt(ss / (n - 1)); margin = (target > mean) ? target - mean : mean - target
                    for (m = n + 1; m < 10000 && t975(m - 1) * sd / sqrt(m) >= margin; m++) { }
                    line = line ((m < 10000) ? sprintf("  unresolved (about %d rounds would settle it)", m) \
                        : "  unresolved")
                }
            }
            print line
        }
    }'
# Usage: summaries A B HEADING [no-target]; the summary of A - B in every cell, against the target unless told.
summaries() {
    echo
    echo "$3 (times in ms, allocation in MB of 2^20 bytes)"
    for cell in "${cells[@]}"; do
        IFS=- read -r line stack mode <<< "$cell"
        target=$(target_ms "$mode")
        [ "${4:-}" != no-target ] || target=
        echo
        awk -v cell="$cell" '$1 == cell' "$results" | awk -v a="$1" -v b="$2" -v target="$target" \
            -v title="${line_name[$line]}, ${stack_name[$stack]}, ${mode_name[$mode]}" "$summary_awk"
    done
}
summaries with without "What the starter adds to startup: with - without, paired by round"
summaries parts without "What Spring's parts alone add: parts - without, paired by round"
summaries with parts "What the starter adds above Spring's parts: with - parts, paired by round"
[ -z "$baseline" ] || summaries with before "What the change since $baseline does: with - before, paired by round" \
    no-target
echo
echo "($rounds rounds of ${#cells[@]} cells, ${#variants[@]} starts each, in $((measured / 60)) min $((measured % 60)) s; load average now:" \
    "$(cut -d' ' -f1-3 /proc/loadavg))"

# The classes each variant loads on the JVM until it has started (one start each), and the packages whose count the
# starter changes most. Counted by package, since lambdas' class names carry a sequence number that differs between
# two starts of the same application.
# Usage: classes_by_package LOG; prints each package with the number of its classes loaded before the measures.
classes_by_package() {
    awk '/Startup measures:/ { exit }
         /\[class,load\]/     { name = $2; sub(/\.[^.]*$/, "", name); count[name]++ }
         END                  { for (p in count) print p, count[p] }' "$1" | sort
}
for line in 4 3; do
    for stack in mvc webflux; do
        echo
        echo "Classes loaded until Started, ${line_name[$line]}, ${stack_name[$stack]}, JVM (one start each):"
        for variant in without with; do
            start "$work/classes-$line-$stack-$variant.log" "$line-$stack-jvm-$variant" -Xlog:class+load=info \
                > /dev/null
            classes_by_package "$work/classes-$line-$stack-$variant.log" > "$work/classes-$line-$stack-$variant.txt"
            awk -v variant="$variant" '{ all += $2 } $1 ~ /^io\.corsboot/ { own += $2 }
                END { printf "  %-8s %6d classes, %4d of them io.corsboot\n", variant, all, own }' \
                "$work/classes-$line-$stack-$variant.txt"
        done
        echo "  The packages whose count the starter changes most (with - without):"
        join -a 1 -a 2 -e 0 -o 0,1.2,2.2 "$work/classes-$line-$stack-without.txt" "$work/classes-$line-$stack-with.txt" \
            | awk '$3 != $2 { d = $3 - $2; printf "%d %+6d %s\n", (d < 0) ? -d : d, d, $1 }' | sort -rn \
            | awk 'NR <= 12 { print "   ", $2, $3 }'
    done
done
