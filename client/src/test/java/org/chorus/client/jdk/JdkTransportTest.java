package org.chorus.client.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import org.chorus.client.spi.HttpStatusException;
import org.chorus.client.spi.Inbound;
import org.chorus.client.spi.Link;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default transport against a real WebSocket server on loopback (Undertow's). */
class JdkTransportTest {

    private final BlockingQueue<String> server = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> client = new LinkedBlockingQueue<>();
    private final JdkTransport transport = new JdkTransport(JdkTransport.sharedHttp());
    private Undertow undertow;
    private String base;

    @BeforeEach
    void start() {
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(Handlers.path().addPrefixPath(
                "/refuse", exchange -> exchange.setStatusCode(401)).addPrefixPath("/chat",
                        Handlers.websocket((
                                exchange, channel) -> {
                            server.add("cookie " + exchange.getRequestHeader("Cookie"));
                            WebSockets.sendText("hello", channel, null);
                            channel.getReceiveSetter().set(new Echo());
                            channel.resumeReceives();
                        })))
                .build();
        undertow.start();
        int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        base = "ws://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        undertow.stop();
    }

    @Test
    void framesGoBothWaysInOrderPingsAreHeardAndTheCloseCodeArrives() throws Exception {
        Link link = transport.open(URI.create(base + "/chat"), "JSESSIONID=abc", new Recorder()).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertEquals("cookie JSESSIONID=abc", take(server));
        assertEquals("text hello", take(client));
        for (int i = 0; i < 50; i++) {
            link.send("frame " + i); // faster than the socket writes them: the link queues
        }
        for (int i = 0; i < 50; i++) {
            assertEquals("frame " + i, take(server));
        }
        link.send("ping me");
        assertEquals("ping me", take(server));
        assertEquals("ping", take(client));
        link.send("close me");
        assertEquals("close me", take(server));
        assertEquals("closed 1001", take(client));
    }

    @Test
    void aRefusedHandshakeIsAnHttpStatus() {
        var opened = transport.open(URI.create(base + "/refuse"), null, new Recorder()).toCompletableFuture();
        Throwable refused = assertThrows(ExecutionException.class, () -> opened.get(5, TimeUnit.SECONDS)).getCause();
        assertEquals(401, assertInstanceOf(HttpStatusException.class, refused).status());
    }

    private static String take(BlockingQueue<String> queue) throws InterruptedException {
        String next = queue.poll(5, TimeUnit.SECONDS);
        return next == null ? "nothing within 5 s" : next;
    }

    /** The server's side: records what arrives, and pings or closes when asked to. */
    private final class Echo extends AbstractReceiveListener {

        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            String text = message.getData(); // once: a second call answers ""
            server.add(text);
            if (text.equals("ping me")) {
                WebSockets.sendPing(ByteBuffer.allocate(0), channel, null);
            } else if (text.equals("close me")) {
                WebSockets.sendClose(1001, "bye", channel, null);
            }
        }
    }

    /** The client's side. */
    private final class Recorder implements Inbound {

        @Override
        public void text(String frame) {
            client.add("text " + frame);
        }

        @Override
        public void ping() {
            client.add("ping");
        }

        @Override
        public void closed(int code, String reason) {
            client.add("closed " + code);
        }

        @Override
        public void failed(Throwable failure) {
            client.add("failed " + failure);
        }
    }
}
