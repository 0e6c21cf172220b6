#!/usr/bin/env python3
"""Turns a JMH JSON result (java -jar benchmarks.jar ... -rf json) into the Markdown tables of BENCHMARKS.md.

For the filter benchmarks, per configuration and scenario: wall-clock and CPU time per operation with their errors
(JMH's 99.9% intervals), the starter's times as ratios to Spring's filter and to the pass-through floor with the
interval the two errors allow, and allocated bytes per operation (-prof gc). The decision benchmark has no floor, and
neither has a run of the filters without passThrough: only the two sides.

    python3 scripts/jmh-report.py target/jmh-result.json
"""
import json
import sys


def metric(result, name):
    if name == "time":
        m = result["primaryMetric"]
    else:
        m = result.get("secondaryMetrics", {}).get(name)
        if m is None:
            return None
    error = m["scoreError"]
    return m["score"], (0.0 if error != error else error)  # NaN with too few iterations


def ratio(a, b):
    """a/b, and the widest interval the two errors allow (unbounded when b's error reaches b)."""
    low = max(a[0] - a[1], 0.0) / (b[0] + b[1])
    high = "∞" if b[0] - b[1] <= 0 else f"{(a[0] + a[1]) / (b[0] - b[1]):.2f}"
    return f"{a[0] / b[0]:.2f} ({low:.2f}–{high})"


def fmt(m):
    return "n/a" if m is None else f"{m[0]:,.0f} ± {m[1]:,.0f}"


def main(path):
    rows = {}
    for result in json.load(open(path)):
        klass, variant = result["benchmark"].rsplit(".", 2)[-2:]
        params = result.get("params", {})
        key = (klass, params.get("policies", "-"), params.get("scenario", "-"))
        rows.setdefault(key, {})[variant] = result

    for klass in sorted({key[0] for key in rows}):
        keys = [k for k in rows if k[0] == klass]
        # The candidate and supplied-origin benchmarks compare variants of the starter alone: their tables are
        # written by hand.
        if not any("starter" in rows[k] and "stock" in rows[k] for k in keys):
            continue
        print(f"\n### {klass}\n")
        if not any("passThrough" in rows[k] for k in keys):
            digits = 1 if klass == "DecisionBenchmark" else 0  # the decision allocates nothing: show that it is 0.0
            print("| policies | scenario | starter ns/op | stock ns/op | starter / stock | CPU starter / stock "
                  "| B/op starter | B/op stock |")
            print("|---|---|---:|---:|---:|---:|---:|---:|")
            for key in keys:
                v = rows[key]
                if not all(name in v for name in ("starter", "stock")):
                    continue
                t = {name: metric(v[name], "time") for name in ("starter", "stock")}
                c = {name: metric(v[name], "cpu.time.norm") for name in ("starter", "stock")}
                b = {name: metric(v[name], "gc.alloc.rate.norm") for name in ("starter", "stock")}
                print(f"| {key[1]} | {key[2]} | {fmt(t['starter'])} | {fmt(t['stock'])} "
                      f"| {ratio(t['starter'], t['stock'])} | {ratio(c['starter'], c['stock'])} "
                      f"| {b['starter'][0]:,.{digits}f} | {b['stock'][0]:,.{digits}f} |")
            continue
        print("| policies | scenario | starter ns/op | stock ns/op | floor ns/op | starter / stock | starter / floor "
              "| CPU starter / stock | B/op starter | B/op stock | B/op floor |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for key in keys:
            v = rows[key]
            if not all(name in v for name in ("starter", "stock", "passThrough")):
                continue
            t = {name: metric(v[name], "time") for name in ("starter", "stock", "passThrough")}
            c = {name: metric(v[name], "cpu.time.norm") for name in ("starter", "stock", "passThrough")}
            b = {name: metric(v[name], "gc.alloc.rate.norm") for name in ("starter", "stock", "passThrough")}
            cpu_ratio = ratio(c["starter"], c["stock"]) if c["starter"] and c["stock"] else "n/a"
            print(f"| {key[1]} | {key[2]} | {fmt(t['starter'])} | {fmt(t['stock'])} | {fmt(t['passThrough'])} "
                  f"| {ratio(t['starter'], t['stock'])} | {ratio(t['starter'], t['passThrough'])} "
                  f"| {cpu_ratio} "
                  + " | ".join("n/a" if b[n] is None else f"{b[n][0]:,.0f}" for n in ("starter", "stock", "passThrough"))
                  .join(["| ", " |"]))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "jmh-result.json")
