package org.chorus.client.spi;

import java.io.IOException;

/** The server answered a login or a WebSocket handshake with an HTTP status other than the one hoped for. */
public class HttpStatusException extends IOException {

    private final int status;

    public HttpStatusException(int status, String message) {
        super(message + ": HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
