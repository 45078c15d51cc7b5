package org.chorus.client.spi;

import jakarta.json.JsonObject;

/**
 * Sees every frame that arrives, parsed, before the client drops repeats and holds back what is out of order: for a
 * caller that measures the server (the benchmark counts the server's duplicates and reorderings, which listeners never
 * see). Called on the client's network thread, one frame at a time per client; it must not block.
 */
@FunctionalInterface
public interface FrameObserver {

    /** A frame of the server, which arrived at {@code arrivedNanos} ({@link System#nanoTime()}). */
    void frame(JsonObject frame, long arrivedNanos);
}
