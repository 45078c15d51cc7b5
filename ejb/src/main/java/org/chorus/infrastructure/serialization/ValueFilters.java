package org.chorus.infrastructure.serialization;

import java.io.ObjectInputFilter;

/**
 * The deserialization filters of user property values, from {@link ObjectInputFilter.Config#createFilter} patterns:
 * what is not allowed by name is rejected, always.
 */
public final class ValueFilters {

    /**
     * Java's value types (strings, boxed numbers, collections, dates and times, big numbers) within limits: 20 levels
     * deep, 10,000 references, arrays of 100,000, 1 MiB. An application adds its own packages before {@code !*}.
     */
    public static final String DEFAULT = "maxdepth=20;maxrefs=10000;maxarray=100000;maxbytes=1048576;"
            + "java.lang.*;java.util.*;java.time.*;java.math.*;!*";

    private static final String REJECT_THE_REST = "!*";

    private ValueFilters() {
    }

    /**
     * The filter of {@code pattern}, with {@code !*} appended when it does not end with it, so that a class it does not
     * name is rejected (a blank pattern rejects every class). Throws {@link IllegalArgumentException} for a malformed
     * pattern.
     */
    public static ObjectInputFilter of(String pattern) {
        String given = pattern == null ? "" : pattern.strip();
        if (given.endsWith(";")) {
            given = given.substring(0, given.length() - 1);
        }
        String complete = given.isEmpty()
                ? REJECT_THE_REST
                : given.endsWith(REJECT_THE_REST) ? given : given + ";" + REJECT_THE_REST;
        return ObjectInputFilter.Config.createFilter(complete);
    }
}
