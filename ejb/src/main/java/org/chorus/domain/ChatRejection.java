package org.chorus.domain;

import jakarta.ejb.ApplicationException;

/**
 * A request the chat refuses for a reason the client can act on; it becomes an {@code error} frame.
 */
@ApplicationException
public class ChatRejection extends RuntimeException {

    private final ErrorCode code;
    private final String ref;

    public ChatRejection(ErrorCode code, String message, String ref) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
    }

    public ErrorCode code() {
        return code;
    }

    /** The client id or room the refusal concerns, or null. */
    public String ref() {
        return ref;
    }
}
