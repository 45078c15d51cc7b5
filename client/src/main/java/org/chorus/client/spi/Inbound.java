package org.chorus.client.spi;

/** What a transport tells the client of one link: its frames, the server's pings, and its end. */
public interface Inbound {

    /** A whole text frame (the transport joins a frame's fragments). */
    void text(String frame);

    /** A ping from the server, already answered by the transport: proof that the server is alive. */
    void ping();

    /** The server closed the connection with {@code code}, or the connection ended without a close frame (1006). */
    void closed(int code, String reason);

    /** The connection failed (a reset, a broken pipe, a protocol error). */
    void failed(Throwable failure);
}
