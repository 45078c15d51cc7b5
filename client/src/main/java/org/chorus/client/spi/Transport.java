package org.chorus.client.spi;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Opens the client's WebSockets; the default speaks through {@code java.net.http}, and a caller may bring its own
 * network (the benchmark binds each socket to a local address of its own).
 *
 * <p>
 * The contract: {@link #open} completes with the {@link Link} once the upgrade succeeded, or exceptionally, with an
 * {@link HttpStatusException} when the server refused the upgrade with an HTTP status (401 or 403 make the client log
 * in again). From then on, and possibly a little before the stage completes, the transport calls {@code inbound} for
 * every whole text frame and every ping (which it answers with a pong itself), and {@link Inbound#closed} or
 * {@link Inbound#failed} when the connection ends; the client takes the first end it hears of and ignores the rest.
 * Calls for one link never overlap; they may come from any thread and must not be made while the transport holds a lock
 * the caller of {@link Link} could need.
 */
public interface Transport {

    /** Opens a WebSocket to {@code uri}, sending {@code cookie} (a {@code name=value} pair, or null) as its Cookie. */
    CompletionStage<Link> open(URI uri, String cookie, Inbound inbound);
}
