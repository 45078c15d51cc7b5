package org.chorus.client.jdk;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.chorus.client.spi.Inbound;
import org.chorus.client.spi.Link;

/**
 * One {@code java.net.http} WebSocket: its listener hands whole text frames and pings to the client, and its sends wait
 * in a queue, because the JDK takes a text frame only once the one before it is written.
 */
final class JdkLink implements Link, WebSocket.Listener {

    private final Inbound inbound;
    private final Queue<String> queue = new ArrayDeque<>();
    private StringBuilder parts;
    private WebSocket socket;
    private boolean writing;
    private int closing;

    JdkLink(Inbound inbound) {
        this.inbound = inbound;
    }

    @Override
    public synchronized void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
        next();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last || parts != null) {
            parts = parts == null ? new StringBuilder(data) : parts.append(data);
        }
        if (last) {
            String frame = parts == null ? data.toString() : parts.toString();
            parts = null;
            inbound.text(frame);
        }
        webSocket.request(1);
        return null;
    }

    /** The JDK answers with a pong by itself. */
    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        inbound.ping();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        inbound.closed(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        inbound.failed(error);
    }

    @Override
    public synchronized void send(String text) {
        queue.add(text);
        next();
    }

    /** The close frame goes once the text frame being written is out (the JDK allows one send at a time). */
    @Override
    public synchronized void close(int code) {
        queue.clear();
        closing = code;
        next();
    }

    @Override
    public synchronized void abort() {
        queue.clear();
        if (socket != null) {
            socket.abort();
        }
    }

    /** Writes the next queued frame, or the close, once the one before it is out. */
    private synchronized void next() {
        while (!writing && socket != null) {
            if (closing != 0) {
                WebSocket closed = socket;
                closed.sendClose(closing, "").whenComplete((s, failure) -> {
                    if (failure != null) {
                        closed.abort();
                    }
                });
                closing = 0;
                return;
            }
            if (queue.isEmpty()) {
                return;
            }
            CompletableFuture<WebSocket> sent = socket.sendText(queue.poll(), true);
            if (sent.isDone() && !sent.isCompletedExceptionally()) {
                continue; // written at once: the next in this loop, not by recursion through the completion
            }
            writing = true;
            sent.whenComplete((s, failure) -> written(failure));
        }
    }

    private synchronized void written(Throwable failure) {
        writing = false;
        if (failure == null) {
            next();
        } else {
            queue.clear(); // the connection is failing: the client hears of it through onError or onClose
        }
    }
}
