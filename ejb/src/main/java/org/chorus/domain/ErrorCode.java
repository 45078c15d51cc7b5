package org.chorus.domain;

import java.util.Locale;

/**
 * The error codes of the protocol's {@code error} frame.
 */
public enum ErrorCode {

    BAD_REQUEST, INVALID_ROOM, NOT_MEMBER, FORBIDDEN, TOO_LONG, RATE_LIMITED, TOO_MANY_ROOMS, INTERNAL;

    /** The code as it appears on the wire, e.g. {@code bad_request}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
