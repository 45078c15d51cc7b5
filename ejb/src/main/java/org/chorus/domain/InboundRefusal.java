package org.chorus.domain;

/**
 * Why an inbound message is not posted: it goes to the dead-letter queue with this reason and detail.
 */
public class InboundRefusal extends RuntimeException {

    private final String reason;

    /** {@code reason} is a short code such as {@code sender_not_allowed}; the message says what to fix. */
    public InboundRefusal(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
