package org.chorus.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A take as the owner of a user's bucket runs it: the burst, then refusals until the bucket refills. */
class TakeTokenTest {

    @Test
    void aNewUserGetsTheBurstAndThenIsRefusedUntilATokenRefills() {
        TokenBucket bucket = null;
        for (int i = 0; i < 40; i++) {
            bucket = new TakeToken(1000, 20, 40).apply("alice", bucket);
            assertTrue(bucket.took(), "token " + (i + 1));
        }
        TokenBucket refused = new TakeToken(1049, 20, 40).apply("alice", bucket);
        assertFalse(refused.took(), "20 per second: one every 50 ms");
        assertEquals(bucket.tokens() + 49 * 20 / 1000.0, refused.tokens(), 1e-9, "a refusal takes nothing");
        assertTrue(new TakeToken(1050, 20, 40).apply("alice", refused).took());
    }

    @Test
    void aTakeWithAClockBehindTheBucketsRefillsNothing() {
        TokenBucket bucket = new TokenBucket(1.5, 5000, true);
        TokenBucket after = new TakeToken(4000, 20, 40).apply("alice", bucket);
        assertEquals(new TokenBucket(0.5, 5000, true), after);
    }
}
