package io.corsboot.benchmarks;

import org.openjdk.jmh.infra.Blackhole;

import io.corsboot.core.ResponseHeaders;

/** Headers handed to a blackhole. */
record BlackholeHeaders(Blackhole blackhole) implements ResponseHeaders {

    @Override
    public void write(String name, String value) {
        this.blackhole.consume(value);
    }

    @Override
    public void addVary(String token) {
        this.blackhole.consume(token);
    }
}
