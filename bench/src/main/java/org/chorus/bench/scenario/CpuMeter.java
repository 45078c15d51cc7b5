package org.chorus.bench.scenario;

import java.util.List;
import java.util.Map;

import org.chorus.bench.cluster.Nodes;
import org.chorus.bench.load.LoadRun;

/**
 * The servers' CPU (both server JVMs, all threads, from {@code /proc}) over a window, with a background rate (idle, or
 * a load running beside what is measured) taken out.
 */
final class CpuMeter {

    private final Nodes nodes;
    private final List<String> names;
    private Map<Long, Long> before;
    private long startedNanos;

    CpuMeter(Nodes nodes, List<String> names) {
        this.nodes = nodes;
        this.names = names;
    }

    /** CPU nanoseconds per second the servers use with nothing to do, over {@code seconds}. */
    double idle(double seconds) {
        start();
        LoadRun.sleep(seconds);
        return perSecond();
    }

    /**
     * The smallest of up to {@code attempts} readings of {@link #idle}, taken until one is at most {@code limitCores}:
     * the JIT and the garbage collector can keep the servers busy for a while after a round or a deploy, and an idle
     * rate read then would be taken out of the measured figures.
     */
    double settledIdle(double seconds, double limitCores, int attempts) {
        double smallest = Double.MAX_VALUE;
        for (int i = 0; i < attempts && smallest > limitCores * 1e9; i++) {
            smallest = Math.min(smallest, idle(seconds));
        }
        return smallest;
    }

    void start() {
        before = nodes.cpuNanos(names);
        startedNanos = System.nanoTime();
    }

    /** CPU nanoseconds per second since {@link #start}. */
    double perSecond() {
        return Nodes.used(before, nodes.cpuNanos(names)) / seconds();
    }

    /** Milliseconds of CPU since {@link #start}, less {@code backgroundPerSecond} for as long. */
    double stop(double backgroundPerSecond) {
        long used = Nodes.used(before, nodes.cpuNanos(names));
        return Math.max(0, used - backgroundPerSecond * seconds()) / 1e6;
    }

    private double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
