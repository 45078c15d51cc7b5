package org.chorus.client;

/**
 * The server refused a send, direct, join or leave with an {@code error} frame: {@code code} is one of the protocol's
 * ({@code not_member}, {@code forbidden}, {@code too_long}, {@code invalid_room}, {@code bad_request},
 * {@code rate_limited} once the retries are spent, ...), {@code ref} the client id or room it concerns.
 */
public class ChatErrorException extends RuntimeException {

    private final String code;
    private final String ref;

    public ChatErrorException(String code, String message, String ref) {
        super(code + (message == null ? "" : ": " + message));
        this.code = code;
        this.ref = ref;
    }

    public String code() {
        return code;
    }

    public String ref() {
        return ref;
    }
}
