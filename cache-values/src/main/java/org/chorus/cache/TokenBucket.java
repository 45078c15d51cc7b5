package org.chorus.domain;

/**
 * A token bucket as a value: {@code tokens} left at time {@code atMillis}; it refills at a rate up to a burst. Written
 * as {@code "tokens|atMillis"} so that a cache can hold it as a string and replace it by compare-and-set.
 */
public record TokenBucket(double tokens, long atMillis) {

    /** A full bucket. */
    public static TokenBucket full(double burst, long nowMillis) {
        return new TokenBucket(burst, nowMillis);
    }

    public static TokenBucket parse(String text) {
        int bar = text.indexOf('|');
        return new TokenBucket(Double.parseDouble(text.substring(0, bar)), Long.parseLong(text.substring(bar + 1)));
    }

    /**
     * This bucket at {@code nowMillis}: refilled for the time passed (none if the clock went back), capped at burst.
     */
    public TokenBucket at(long nowMillis, double perSecond, double burst) {
        long elapsed = Math.max(0, nowMillis - atMillis);
        return new TokenBucket(Math.min(burst, tokens + elapsed * perSecond / 1000), Math.max(nowMillis, atMillis));
    }

    /** Whether a token is there to take. */
    public boolean hasToken() {
        return tokens >= 1;
    }

    /** This bucket with one token fewer. */
    public TokenBucket take() {
        return new TokenBucket(tokens - 1, atMillis);
    }

    @Override
    public String toString() {
        return tokens + "|" + atMillis;
    }
}
