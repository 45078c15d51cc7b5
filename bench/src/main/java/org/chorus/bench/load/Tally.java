package org.chorus.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The figures of a run: latencies (microseconds, from each message's intended send time) into HdrHistogram recorders,
 * sampled once a second into a timeline and, inside the measured window, summed into the window's histograms.
 */
public final class Tally {

    /** One second of the timeline. */
    public record Second(double at, long deliveries, double p50Ms, double p99Ms, double maxMs, int open) {
    }

    private final Recorder delivery = new Recorder(3);
    private final Recorder ack = new Recorder(3);
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder disconnects = new LongAdder();
    private final LongAdder silent = new LongAdder();
    private final List<Second> timeline = new ArrayList<>();
    /** Each second's delivery latencies, beside the timeline, once asked for ({@link #keepSeconds}). */
    private final List<Histogram> perSecond = new ArrayList<>();
    private boolean keepSeconds;
    private final long start = System.nanoTime();
    private Histogram windowDelivery;
    private Histogram windowAck;
    private long windowDeliveries;
    private long lastSample = System.nanoTime();
    private long sampledDeliveries;

    public void delivered(long latencyNanos) {
        delivery.recordValue(Math.max(1, latencyNanos / 1000));
        deliveries.increment();
    }

    public void acked(long latencyNanos) {
        ack.recordValue(Math.max(1, latencyNanos / 1000));
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    /** Counts an error frame; returns how many so far. */
    public long error() {
        errors.increment();
        return errors.sum();
    }

    /** A client's connection closed without the run closing it (a drop, a close from the server). */
    public void disconnected() {
        disconnects.increment();
    }

    /** A client gave up on a server that stayed silent past the heartbeat; returns how many so far. */
    public long silentServer() {
        silent.increment();
        return silent.sum();
    }

    public long disconnects() {
        return disconnects.sum();
    }

    public long silentServers() {
        return silent.sum();
    }

    /** Takes the last second's figures into the timeline (and the window, when one is open). */
    public synchronized Second sample(int open) {
        Histogram d = delivery.getIntervalHistogram();
        Histogram a = ack.getIntervalHistogram();
        long now = System.nanoTime();
        long total = deliveries.sum();
        long count = total - sampledDeliveries;
        double seconds = Math.max(1e-3, (now - lastSample) / 1e9);
        sampledDeliveries = total;
        lastSample = now;
        if (windowDelivery != null) {
            windowDelivery.add(d);
            windowAck.add(a);
            windowDeliveries += count;
        }
        Second second = new Second((now - start) / 1e9, Math.round(count / seconds), ms(d, 50), ms(d, 99), d
                .getTotalCount() == 0 ? 0 : d.getMaxValue() / 1000.0, open);
        timeline.add(second);
        if (keepSeconds) {
            perSecond.add(d.copy());
        }
        return second;
    }

    /** Starts the measured window (from the next sample on). */
    public synchronized void open(int openClients) {
        sample(openClients);
        windowDelivery = new Histogram(3);
        windowAck = new Histogram(3);
        windowDeliveries = 0;
    }

    /** Ends the window: its histograms and counts. */
    public synchronized Window close(int openClients, double seconds) {
        sample(openClients);
        Window window = new Window(windowDelivery, windowAck, windowDeliveries, seconds);
        windowDelivery = null;
        windowAck = null;
        return window;
    }

    public synchronized List<Second> timeline() {
        return List.copyOf(timeline);
    }

    /** From now on, keeps each second's latencies for {@link #p99Ms} (a long run's would cost memory for nothing). */
    public synchronized void keepSeconds() {
        keepSeconds = true;
        perSecond.clear();
        timeline.forEach(second -> perSecond.add(new Histogram(3)));
    }

    /**
     * The p99 of the deliveries in the timeline's seconds {@code from} (inclusive, an index) to {@code from + count}
     * (exclusive): a percentile over several seconds, not an average of each second's.
     */
    public synchronized double p99Ms(int from, int count) {
        Histogram all = new Histogram(3);
        perSecond.subList(from, Math.min(perSecond.size(), from + count)).forEach(all::add);
        return ms(all, 99);
    }

    public long rateLimitedCount() {
        return rateLimited.sum();
    }

    public long errors() {
        return errors.sum();
    }

    /** Seconds since the tally started, the timeline's clock. */
    public double now() {
        return (System.nanoTime() - start) / 1e9;
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
