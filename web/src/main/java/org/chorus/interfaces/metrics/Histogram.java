package org.chorus.interfaces.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram: cumulative counts per upper bound, plus count and sum; lock-free.
 */
public final class Histogram {

    private final long[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final LongAdder sum = new LongAdder();

    public Histogram(long... bounds) {
        this.bounds = bounds.clone();
        this.buckets = new LongAdder[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void observe(long value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                buckets[i].increment();
                break;
            }
        }
        count.increment();
        sum.add(Math.max(0, value));
    }

    /** Writes the series of a histogram in seconds, from bounds in milliseconds. */
    void write(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            cumulative += buckets[i].sum();
            out.append(name).append("_bucket{le=\"").append(bounds[i] / 1000.0).append("\"} ").append(cumulative)
                    .append('\n');
        }
        out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
        out.append(name).append("_sum ").append(sum.sum() / 1000.0).append('\n');
        out.append(name).append("_count ").append(count.sum()).append('\n');
    }
}
