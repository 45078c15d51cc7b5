package org.chorus.cache;

import java.util.function.BiFunction;

import org.infinispan.protostream.annotations.ProtoField;

/**
 * Takes one token from a user's {@link TokenBucket} where the {@code rates} cache keeps it: the cache runs this at the
 * key's owner ({@code compute}), so a take is one request, or none when this node owns the bucket, where a read and a
 * compare-and-set were two, and a retry on every race. The result's {@link TokenBucket#took} says whether a token was
 * taken.
 */
public record TakeToken(@ProtoField(number = 1, defaultValue = "0") long nowMillis,
        @ProtoField(number = 2, defaultValue = "0") double perSecond,
        @ProtoField(number = 3, defaultValue = "0") double burst)
        implements
            BiFunction<String, TokenBucket, TokenBucket> {

    @Override
    public TokenBucket apply(String user, TokenBucket old) {
        TokenBucket bucket = old == null ? TokenBucket.full(burst, nowMillis) : old.at(nowMillis, perSecond, burst);
        return bucket.hasToken() ? bucket.take() : bucket;
    }
}
