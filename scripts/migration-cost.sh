#!/usr/bin/env bash
# Measures what the migration report costs the sample application at startup: the classes the JVM loads, with and
# without the report's auto-configuration, over RUNS starts each (default 3), and the size of one report. Class counts
# do not depend on the machine's load, unlike times.
# Usage: scripts/migration-cost.sh [RUNS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap stop_samples EXIT

runs=${1:-3}
work=cors-sample-app/target/migration-cost
rm -rf "$work"
mkdir -p "$work"
build_sample
without="--spring.autoconfigure.exclude=io.corsboot.autoconfigure.CorsMigrationAutoConfiguration"

# Usage: classes LABEL [APPLICATION-ARGUMENT...]; prints the median count of classes loaded once started, in all and
# of the report's package.
classes() {
    local label=$1 all=() report=() i log
    shift
    for i in $(seq 1 "$runs"); do
        log=$work/$label-$i
        start_sample "$log.log" "-Xlog:class+load=info:file=$log.classes" -- "$@"
        sleep 2
        all+=("$(grep -c 'source:' "$log.classes")")
        report+=("$(grep -c 'io.corsboot.migration' "$log.classes" || true)")
        if [ "$label" = with ] && [ "$i" = 1 ]; then
            curl -s "http://127.0.0.1:$SAMPLE_PORT/actuator/cors/migration" > "$work/report.json"
        fi
        stop_samples
    done
    echo "$label: ${all[*]} | ${report[*]}" | awk "$AWK_MEDIAN"'
        { split($0, parts, "|"); sub(/^[a-z]+: /, "", parts[1])
          all = median(parts[1]); report = median(parts[2])
          printf "%-8s classes loaded: median %d; of io.corsboot.migration: %d\n", $1, all, report }'
}

echo "Java: $(java -version 2>&1 | head -n 1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
classes with
classes without "$without"
echo "GET /actuator/cors/migration: $(wc -c < "$work/report.json") bytes"
