package org.chorus.client.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final long MS = 1_000_000;

    @Test
    void theCeilingDoublesPerAttemptUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.999999);
        assertEquals(100 * MS, backoff.ceilingNanos(1));
        assertEquals(200 * MS, backoff.ceilingNanos(2));
        assertEquals(3200 * MS, backoff.ceilingNanos(6));
        assertEquals(5000 * MS, backoff.ceilingNanos(7));
        assertEquals(5000 * MS, backoff.ceilingNanos(1000), "no overflow");
        assertTrue(backoff.delayNanos(3) > 399 * MS && backoff.delayNanos(3) < 400 * MS);
    }

    @Test
    void everyDelayIsARandomShareOfItsCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        for (int attempt = 1; attempt <= 10; attempt++) {
            Set<Long> delays = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                long delay = backoff.delayNanos(attempt);
                assertTrue(delay >= 0 && delay <= backoff.ceilingNanos(attempt), attempt + ": " + delay);
                delays.add(delay);
            }
            assertTrue(delays.size() > 40, "jittered: " + delays.size() + " distinct delays of 50");
        }
    }
}
