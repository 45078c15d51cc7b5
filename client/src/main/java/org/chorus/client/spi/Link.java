package org.chorus.client.spi;

/**
 * One open WebSocket as a client drives it: the client calls it from one thread at a time, and none of its methods may
 * block.
 */
public interface Link {

    /** Queues a text frame; frames leave in the order of the calls. */
    void send(String text);

    /** Starts the closing handshake with {@code code} (1000 when the client closes). */
    void close(int code);

    /** Drops the connection at once, without a close frame (a silent or stale server). */
    void abort();
}
