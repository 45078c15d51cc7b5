package org.chorus.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.websockets.core.WebSockets;
import org.chorus.client.ConnectionLostException;
import org.chorus.client.spi.HttpStatusException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's client, over its Undertow transport, against a stand-in server on loopback that sends a
 * {@code welcome} with a short heartbeat: it stays connected while the server pings, leaves a server that said nothing
 * for the interval plus the timeout, and takes a refused handshake for the HTTP status it is.
 */
class ClientHeartbeatTest {

    private static final long INTERVAL_MS = 300;
    private static final long TIMEOUT_MS = 200;
    private static final String WELCOME = "{\"type\":\"welcome\",\"user\":\"u\",\"node\":\"stand-in\",\"resume\":\"t\","
            + "\"resumed\":false,\"rooms\":[],\"heartbeat\":{\"interval\":" + INTERVAL_MS + ",\"timeout\":"
            + TIMEOUT_MS + "}}";

    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
    private final Wire wire = new Wire();
    private final BlockingQueue<Throwable> lost = new LinkedBlockingQueue<>();
    private Undertow server;

    @AfterEach
    void stop() {
        pinger.shutdownNow();
        wire.close();
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aServerThatPingsIsNotLeftEvenWithoutFrames() throws Exception {
        Client client = connectTo(true);
        assertNull(lost.poll(3 * (INTERVAL_MS + TIMEOUT_MS), TimeUnit.MILLISECONDS), "pinged every 100 ms: alive");
        assertTrue(client.isOpen());
    }

    @Test
    void aServerThatSaysNothingIsLeftAfterTheIntervalPlusTheTimeout() throws Exception {
        long start = System.nanoTime();
        Client client = connectTo(false);
        Throwable cause = lost.poll(5, TimeUnit.SECONDS);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(assertInstanceOf(ConnectionLostException.class, cause).silent(), String.valueOf(cause));
        assertTrue(waited >= INTERVAL_MS + TIMEOUT_MS, "not before the interval plus the timeout: " + waited);
        assertFalse(client.isOpen(), "TCP noticed nothing: the heartbeat told");
    }

    @Test
    void aRefusedHandshakeIsAnHttpStatus() {
        Client client = new Client(new UndertowTransport(wire), start(exchange -> exchange.setStatusCode(401)),
                "/chat", "u", null, new Recorder());
        var connected = client.connect();
        Throwable refused = assertThrows(ExecutionException.class, () -> connected.get(10, TimeUnit.SECONDS))
                .getCause();
        assertEquals(401, assertInstanceOf(HttpStatusException.class, refused).status());
    }

    private Client connectTo(boolean pinging) throws Exception {
        URI base = start(Handlers.websocket((exchange, channel) -> {
            WebSockets.sendText(WELCOME, channel, null);
            if (pinging) {
                pinger.scheduleAtFixedRate(() -> WebSockets.sendPing(ByteBuffer.allocate(0), channel, null), 100,
                        100, TimeUnit.MILLISECONDS);
            }
            channel.resumeReceives();
        }));
        Client client = new Client(new UndertowTransport(wire), base, "/chat", "u", null, new Recorder());
        client.connect().get(10, TimeUnit.SECONDS);
        return client;
    }

    private URI start(HttpHandler handler) {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(handler).build();
        server.start();
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress())
                .getPort());
    }

    /** Keeps what the client lost its connection to; wants no reconnect. */
    private final class Recorder implements Events {

        @Override
        public void message(Client c, String room, long seq, String id, String text, long arrived, boolean fresh) {
        }

        @Override
        public void ack(Client c, String id, long seq, long arrived) {
        }

        @Override
        public void error(Client c, String code, String ref) {
        }

        @Override
        public void lost(Client c, Throwable cause) {
            lost.add(cause);
        }

        @Override
        public void resumed(Client c, boolean stateFound) {
        }

        @Override
        public boolean reconnecting() {
            return false;
        }
    }
}
