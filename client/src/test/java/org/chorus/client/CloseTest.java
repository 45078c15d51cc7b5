package org.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;

import org.chorus.client.FakeServer.Socket;
import org.junit.jupiter.api.Test;

/** {@link ChorusClient#close()} ends everything: the link with 1000, what is pending, and any reconnect. */
class CloseTest {

    private final Harness h = new Harness();

    @Test
    void closeEndsTheLinkFailsWhatIsPendingAndNeverReconnects() throws Exception {
        Socket socket = h.joinedAt("general", 0);
        var pending = h.client.send("general", "never acked").toCompletableFuture();
        var join = h.client.join("other", h.heard::add).toCompletableFuture();
        h.events.clear();
        h.client.close();
        assertEquals(1000, socket.closedWith);
        assertEquals(new ConnectionEvent(ConnectionState.CLOSED, "node1", 0, null), h.events.take());
        assertInstanceOf(ClientClosedException.class, ConnectTest.failure(pending));
        assertInstanceOf(ClientClosedException.class, ConnectTest.failure(join));
        assertInstanceOf(ClientClosedException.class, ConnectTest.failure(h.client.send("general", "x")
                .toCompletableFuture()));

        socket.inbound.closed(1006, "");
        socket.message("general", 1);
        assertNull(h.server.opened.poll(100, TimeUnit.MILLISECONDS), "no reconnect after close()");
        assertEquals(0, h.heard.size(), "nothing reaches a listener after close()");
        assertEquals(ConnectionState.CLOSED, h.client.state());
    }

    @Test
    void closeWhileReconnectingStopsTheAttempts() throws Exception {
        Socket socket = h.joinedAt("general", 0);
        h.server.refuseNext = 503;
        socket.inbound.closed(1011, "");
        h.await(ConnectionState.RECONNECTING);
        h.client.close();
        assertEquals(ConnectionState.CLOSED, h.client.state());
        h.server.opened.clear();
        assertNull(h.server.opened.poll(100, TimeUnit.MILLISECONDS), "no attempt after close()");
    }
}
