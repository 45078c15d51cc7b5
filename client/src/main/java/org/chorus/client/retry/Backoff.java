package org.chorus.client.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: attempt n waits a uniformly random time between zero and
 * {@code min(cap, first * 2^(n-1))}, so that clients that lost their node together do not come back together.
 */
public final class Backoff {

    private final long firstNanos;
    private final long capNanos;
    private final DoubleSupplier random;

    public Backoff(Duration first, Duration cap) {
        this(first, cap, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With {@code random} giving numbers in [0, 1). */
    public Backoff(Duration first, Duration cap, DoubleSupplier random) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= cap: " + first + ", " + cap);
        }
        this.firstNanos = first.toNanos();
        this.capNanos = cap.toNanos();
        this.random = random;
    }

    /** The longest attempt {@code attempt} (1 for the first) may wait. */
    public long ceilingNanos(int attempt) {
        int doublings = Math.max(0, attempt - 1);
        if (doublings >= 62 || firstNanos > capNanos >>> doublings) {
            return capNanos;
        }
        return Math.min(capNanos, firstNanos << doublings);
    }

    /** How long attempt {@code attempt} waits: a random share of its ceiling. */
    public long delayNanos(int attempt) {
        return (long) (random.getAsDouble() * ceilingNanos(attempt));
    }
}
