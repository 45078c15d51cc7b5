package org.chorus.bench.client;

import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import org.chorus.client.spi.HttpStatusException;
import org.chorus.client.spi.Inbound;
import org.chorus.client.spi.Link;
import org.chorus.client.spi.Transport;
import org.xnio.IoUtils;
import org.xnio.http.UpgradeFailedException;

/**
 * The client library's transport over the benchmark's network ({@link Wire}): every WebSocket bound to a 127.0.0.x
 * address of its own, all of them on two XNIO threads; Undertow answers the server's pings.
 */
public final class UndertowTransport implements Transport {

    /** How XNIO words an upgrade the server answered with another status. */
    private static final Pattern REFUSED = Pattern.compile("Invalid response code (\\d{3})");

    private final Wire wire;

    public UndertowTransport(Wire wire) {
        this.wire = wire;
    }

    @Override
    public CompletionStage<Link> open(URI uri, String cookie, Inbound inbound) {
        return wire.open(uri, Addresses.next(), cookie).handle((channel, failure) -> {
            if (failure != null) {
                throw new CompletionException(refusal(failure));
            }
            Socket socket = new Socket(channel, inbound);
            channel.getReceiveSetter().set(socket);
            channel.getCloseSetter().set(ch -> socket.ended(1006, ""));
            channel.resumeReceives();
            return socket;
        });
    }

    /** A refused upgrade becomes the library's {@link HttpStatusException} (a 401 or 403 makes it log in again). */
    private static Throwable refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        Matcher refused = REFUSED.matcher(String.valueOf(cause.getMessage()));
        if (cause instanceof UpgradeFailedException && refused.find()) {
            return new HttpStatusException(Integer.parseInt(refused.group(1)), "WebSocket handshake refused");
        }
        return cause;
    }

    /** One channel: whole text frames, pings and the end to the library; its sends to Undertow. */
    private static final class Socket extends AbstractReceiveListener implements Link {

        private final WebSocketChannel channel;
        private final Inbound inbound;
        private final AtomicBoolean ended = new AtomicBoolean();

        Socket(WebSocketChannel channel, Inbound inbound) {
            this.channel = channel;
            this.inbound = inbound;
        }

        @Override
        public void send(String text) {
            if (channel.isOpen()) {
                WebSockets.sendText(text, channel, null);
            }
        }

        @Override
        public void close(int code) {
            if (channel.isOpen()) {
                WebSockets.sendClose(code, "", channel, null);
            }
        }

        /** Drops the TCP connection without a close frame, as a lost network would. */
        @Override
        public void abort() {
            IoUtils.safeClose(channel);
        }

        @Override
        protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
            inbound.text(message.getData());
        }

        /** The server's heartbeat: told, and answered with a pong by the superclass. */
        @Override
        protected void onFullPingMessage(WebSocketChannel ch, BufferedBinaryMessage message)
                throws java.io.IOException {
            inbound.ping();
            super.onFullPingMessage(ch, message);
        }

        @Override
        protected void onCloseMessage(CloseMessage message, WebSocketChannel ch) {
            ended(message.getCode(), message.getReason());
        }

        @Override
        protected void onError(WebSocketChannel ch, Throwable error) {
            IoUtils.safeClose(ch);
            if (ended.compareAndSet(false, true)) {
                inbound.failed(error);
            }
        }

        /** A close frame, or the channel closed (a dropped connection: 1006); told once. */
        void ended(int code, String reason) {
            IoUtils.safeClose(channel);
            if (ended.compareAndSet(false, true)) {
                inbound.closed(code, reason);
            }
        }
    }
}
