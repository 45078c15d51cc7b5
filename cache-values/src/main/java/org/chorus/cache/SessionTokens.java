package org.chorus.cache;

import java.util.ArrayList;
import java.util.List;

import org.infinispan.protostream.annotations.ProtoField;

/** The resume tokens of an HTTP session's connections, in the order they were made: what its end removes. */
public record SessionTokens(@ProtoField(number = 1) List<String> tokens) implements ConnectionEntry {

    public SessionTokens {
        tokens = List.copyOf(tokens);
    }

    /** These tokens and one more. */
    public SessionTokens with(String token) {
        List<String> more = new ArrayList<>(tokens);
        more.add(token);
        return new SessionTokens(more);
    }
}
