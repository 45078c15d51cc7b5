package org.chorus.bench.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.WebSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's client against a stand-in server on loopback that sends a {@code welcome} with a short heartbeat: it
 * stays content while the server pings, and calls a server silent once nothing came for the interval plus the timeout.
 */
class ClientHeartbeatTest {

    private static final long INTERVAL_MS = 300;
    private static final long TIMEOUT_MS = 200;
    private static final String WELCOME = "{\"type\":\"welcome\",\"user\":\"u\",\"node\":\"stand-in\",\"resume\":\"t\","
            + "\"resumed\":false,\"rooms\":[],\"heartbeat\":{\"interval\":" + INTERVAL_MS + ",\"timeout\":"
            + TIMEOUT_MS + "}}";

    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
    private final Wire wire = new Wire();
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
    void aServerThatPingsIsNotSilentEvenWithoutFrames() throws Exception {
        Client client = connectTo(true);
        long quietFor = TimeUnit.MILLISECONDS.toNanos(3 * (INTERVAL_MS + TIMEOUT_MS));
        long end = System.nanoTime() + quietFor;
        while (System.nanoTime() < end) {
            assertFalse(client.silent(System.nanoTime()), "pinged every 100 ms: not silent");
            Thread.sleep(20);
        }
    }

    @Test
    void aServerThatSaysNothingIsSilentAfterTheIntervalPlusTheTimeout() throws Exception {
        Client client = connectTo(false);
        long now = System.nanoTime();
        assertFalse(client.silent(now), "just welcomed");
        assertTrue(client.silent(now + TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS + TIMEOUT_MS + 50)),
                "nothing for the interval plus the timeout");
        assertTrue(client.isOpen(), "TCP has noticed nothing: only the heartbeat tells");
    }

    private Client connectTo(boolean pinging) throws Exception {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(Handlers.websocket((exchange,
                channel) -> {
            WebSockets.sendText(WELCOME, channel, null);
            if (pinging) {
                pinger.scheduleAtFixedRate(() -> WebSockets.sendPing(ByteBuffer.allocate(0), channel, null), 100,
                        100, TimeUnit.MILLISECONDS);
            }
            channel.resumeReceives();
        })).build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        Client client = new Client(wire, URI.create("http://127.0.0.1:" + port), "/chat", "u", new Events() {

            @Override
            public void message(Client c, String room, long seq, String id, String text, long arrived,
                    boolean fresh) {
            }

            @Override
            public void ack(Client c, String id, long seq, long arrived) {
            }

            @Override
            public void error(Client c, String code, String id) {
            }

            @Override
            public void closed(Client c, int code) {
            }
        });
        client.connect().get(10, TimeUnit.SECONDS);
        return client;
    }
}
