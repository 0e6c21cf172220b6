# Shared by load.sh and soak.sh, which source it: builds the sample application, starts it on free loopback ports
# and stops it. Sourcing it moves to the repository's root.

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Installs wrk when running as root, or says how to.
require_wrk() {
    command -v wrk > /dev/null && return
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
        apt-get update -qq && apt-get install -y -qq wrk > /dev/null
    else
        echo "wrk is needed: sudo apt-get install -y wrk" >&2
        exit 2
    fi
}

# Builds the sample application and leaves its runnable jar in SAMPLE_JAR.
build_sample() {
    echo "Building the sample application..." >&2
    ./mvnw -B -q -pl cors-sample-app -am package -DskipTests
    SAMPLE_JAR=$(ls cors-sample-app/target/cors-sample-app-*-exec.jar)
}

SAMPLE_PIDS=()

# Usage: start_sample LOG [JAVA-OPTION...] -- [APPLICATION-ARGUMENT...]
# Starts the application in SAMPLE_JAR (the sample, or another that a script builds) on free loopback ports, also
# for the sample's playground page, so that several run side by side. Leaves the API's port in SAMPLE_PORT and the process id in SAMPLE_PID; stop_samples stops it.
start_sample() {
    local log=$1 java_options=()
    shift
    while [ "$1" != -- ]; do
        java_options+=("$1")
        shift
    done
    shift
    java "${java_options[@]}" -jar "$SAMPLE_JAR" --server.address=127.0.0.1 --server.port=0 \
        --sample.playground.port=0 "$@" > "$log" 2>&1 &
    SAMPLE_PID=$!
    SAMPLE_PIDS+=("$SAMPLE_PID")
    for _ in $(seq 1 240); do
        # The API's server logs first; the playground's connector or server is listed or starts after it.
        SAMPLE_PORT=$(grep -soE '(Tomcat|Netty) started on ports? [0-9]+' "$log" | head -n 1 | grep -oE '[0-9]+$' || true)
        [ -n "$SAMPLE_PORT" ] && return
        kill -0 "$SAMPLE_PID" 2> /dev/null || break
        sleep 0.5
    done
    echo "The application did not start, see $log:" >&2
    tail -n 50 "$log" >&2
    exit 1
}

# Stops every application that start_sample started, and every other process a script added to SAMPLE_PIDS.
stop_samples() {
    local pid
    for pid in "${SAMPLE_PIDS[@]}"; do
        kill "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    SAMPLE_PIDS=()
}

# awk, for the summaries of the load scripts: the median of a space-separated list of numbers, leaving the smallest
# and the largest in lo and hi.
AWK_MEDIAN='
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        lo = a[1]; hi = a[n]
        return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }'

# awk, over the output of wrk --latency: the 99th percentile latency in milliseconds, left in ms.
AWK_WRK_P99='
    $1 == "99%" { v = $2; unit = v; gsub(/[0-9.]/, "", unit); sub(/[a-z]+$/, "", v)
                  ms = (unit == "us") ? v / 1000 : (unit == "s") ? v * 1000 : v }'
