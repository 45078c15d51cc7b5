package org.chorus.client;

import java.io.IOException;

/**
 * Why a link ended: the server's close code (1006 when it ended without one) and reason, or a server that said nothing,
 * not even a ping, for longer than the heartbeat of its {@code welcome} allows ({@link #silent()}).
 */
public class ConnectionLostException extends IOException {

    /** The close code of a connection that ended without a close frame. */
    public static final int ABNORMAL = 1006;

    private final int code;
    private final boolean silent;

    private ConnectionLostException(int code, String message, boolean silent, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.silent = silent;
    }

    /** The server closed with {@code code}. */
    public static ConnectionLostException closed(int code, String reason) {
        return new ConnectionLostException(code, "closed with " + code + (reason == null || reason.isEmpty()
                ? ""
                : " (" + reason + ")"), false, null);
    }

    /** The connection failed under the client. */
    public static ConnectionLostException failed(Throwable cause) {
        return new ConnectionLostException(ABNORMAL, "connection failed: " + cause, false, cause);
    }

    /** Nothing came from the server for {@code millis}. */
    public static ConnectionLostException silence(long millis) {
        return new ConnectionLostException(ABNORMAL, "the server said nothing for " + millis + " ms", true, null);
    }

    public int code() {
        return code;
    }

    /** True when the client left a server that went silent past its heartbeat. */
    public boolean silent() {
        return silent;
    }
}
