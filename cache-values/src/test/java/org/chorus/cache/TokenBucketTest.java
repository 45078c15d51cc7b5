package org.chorus.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bucket's arithmetic: burst, refill, a clock that goes back. */
class TokenBucketTest {

    @Test
    void aFullBucketGivesItsBurstThenRefillsAtTheRate() {
        TokenBucket b = TokenBucket.full(40, 1000);
        for (int i = 0; i < 40; i++) {
            b = b.at(1000, 20, 40);
            assertTrue(b.hasToken(), "token " + (i + 1));
            b = b.take();
        }
        assertFalse(b.at(1000, 20, 40).hasToken());
        assertFalse(b.at(1049, 20, 40).hasToken(), "20 per second: one every 50 ms");
        assertTrue(b.at(1050, 20, 40).hasToken());
        assertEquals(40, b.at(60_000, 20, 40).tokens(), 1e-9, "never more than the burst");
    }

    @Test
    void aClockThatGoesBackRefillsNothing() {
        TokenBucket b = new TokenBucket(0.5, 5000, false);
        assertEquals(b, b.at(4000, 20, 40));
    }
}
