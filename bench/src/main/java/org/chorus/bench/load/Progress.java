package org.chorus.bench.load;

import java.util.concurrent.atomic.AtomicInteger;

/** What the benchmark tells its user while it runs: one line every two seconds, and each phase's progress. */
public final class Progress {

    private static int tick;

    private final String label;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final long started = System.nanoTime();
    private volatile long lastSaid = System.nanoTime();

    private Progress(String label, int total) {
        this.label = label;
        this.total = total;
    }

    public static Progress of(String label, int total) {
        return new Progress(label, total);
    }

    public static void say(String line) {
        System.out.println("  " + line);
        System.out.flush();
    }

    static synchronized void second(Tally.Second s) {
        if (tick++ % 2 == 0) {
            say(String.format("t=%4.0fs  open %5d  deliveries/s %7d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms", s.at(),
                    s
                            .open(),
                    s.deliveries(), s.p50Ms(), s.p99Ms(), s.maxMs()));
        }
    }

    void step() {
        int now = done.incrementAndGet();
        if (System.nanoTime() - lastSaid > 2_000_000_000L) {
            lastSaid = System.nanoTime();
            say(label + " " + now + "/" + total);
        }
    }

    void done(String note) {
        say(String.format("%s %d/%d in %.1f s%s", label, done.get(), total, (System.nanoTime() - started) / 1e9,
                note.trim()
                        .isEmpty() ? "" : " (" + note + ")"));
    }
}
