#!/usr/bin/env python3
"""Turns a JMH JSON result (java -jar benchmarks.jar ... -rf json) into the Markdown tables of BENCHMARKS.md.

For each benchmark class, configuration and scenario: time per operation with its error (JMH's 99.9% interval),
allocated bytes per operation (-prof gc), and the starter's time as a ratio to the stock filter and to the
pass-through floor, with the interval that the two errors allow.
"""
import json
import sys


def interval(score, error):
    error = 0.0 if error != error else error  # NaN when there were too few iterations
    return max(score - error, 1e-9), score + error


def ratio(a, b):
    """Ratio a/b and its widest interval given both errors."""
    (a_low, a_high), (b_low, b_high) = interval(*a), interval(*b)
    return a[0] / b[0], a_low / b_high, a_high / b_low


def main(path):
    rows = {}
    for result in json.load(open(path)):
        klass, variant = result["benchmark"].rsplit(".", 2)[-2:]
        params = result.get("params", {})
        key = (klass, params.get("policies", "-"), params.get("scenario", "-"))
        primary = result["primaryMetric"]
        alloc = result.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        rows.setdefault(key, {})[variant] = ((primary["score"], primary["scoreError"]), alloc)

    for klass in sorted({key[0] for key in rows}):
        print(f"\n### {klass}\n")
        print("| policies | scenario | starter ns/op | stock ns/op | floor ns/op | starter / stock | starter / floor "
              "| starter B/op | stock B/op | floor B/op |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for key in [k for k in rows if k[0] == klass]:
            variants = rows[key]
            if not all(v in variants for v in ("starter", "stock", "passThrough")):
                continue
            starter, stock, floor = variants["starter"], variants["stock"], variants["passThrough"]

            def time(v):
                return f"{v[0][0]:,.0f} ± {v[0][1]:,.0f}"

            def alloc(v):
                return "n/a" if v[1] is None else f"{v[1]:,.0f}"

            r_stock = ratio(starter[0], stock[0])
            r_floor = ratio(starter[0], floor[0])
            print(f"| {key[1]} | {key[2]} | {time(starter)} | {time(stock)} | {time(floor)} "
                  f"| {r_stock[0]:.2f} ({r_stock[1]:.2f}–{r_stock[2]:.2f}) "
                  f"| {r_floor[0]:.2f} ({r_floor[1]:.2f}–{r_floor[2]:.2f}) "
                  f"| {alloc(starter)} | {alloc(stock)} | {alloc(floor)} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "jmh-result.json")
