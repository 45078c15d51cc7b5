package org.chorus.cache;

import org.infinispan.protostream.annotations.ProtoField;

/**
 * A user's send budget as the {@code rates} cache holds it: {@code tokens} left at time {@code atMillis}, and whether
 * the take that left it so got its token ({@code took}); it refills at a rate up to a burst.
 */
public record TokenBucket(@ProtoField(number = 1, defaultValue = "0") double tokens,
        @ProtoField(number = 2, defaultValue = "0") long atMillis,
        @ProtoField(number = 3, defaultValue = "false") boolean took) {

    /** A full bucket. */
    public static TokenBucket full(double burst, long nowMillis) {
        return new TokenBucket(burst, nowMillis, false);
    }

    /**
     * This bucket at {@code nowMillis}: refilled for the time passed (none if the clock went back), capped at burst.
     */
    public TokenBucket at(long nowMillis, double perSecond, double burst) {
        long elapsed = Math.max(0, nowMillis - atMillis);
        return new TokenBucket(Math.min(burst, tokens + elapsed * perSecond / 1000), Math.max(nowMillis, atMillis),
                false);
    }

    /** Whether a token is there to take. */
    public boolean hasToken() {
        return tokens >= 1;
    }

    /** This bucket with one token fewer, taken. */
    public TokenBucket take() {
        return new TokenBucket(tokens - 1, atMillis, true);
    }
}
