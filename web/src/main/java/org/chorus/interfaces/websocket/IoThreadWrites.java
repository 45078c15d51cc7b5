package org.chorus.interfaces.websocket;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.jsr.UndertowSession;

import org.jboss.logging.Logger;
import org.xnio.XnioIoThread;

/**
 * Writes encoded frames (one to many connections, or many to one) on the connections' Undertow I/O threads, in one task
 * per I/O thread. Undertow's Jakarta API would encode the text again for every connection and hand every write to the
 * connection's I/O thread as a task of its own, which mostly costs a wake-up of that thread's selector per frame. A
 * connection's frames all go through its I/O thread's task queue, in the order they were added, so they keep their
 * order.
 */
final class IoThreadWrites {

    private static final Logger LOG = Logger.getLogger(IoThreadWrites.class);

    private final Map<XnioIoThread, List<Write>> byThread = new HashMap<>(8);

    /**
     * Adds the write of {@code frame}, UTF-8 text that it does not change, to a connection; {@code budget} (or null)
     * gets the frame's bytes back once written or failed.
     */
    void add(UndertowSession session, ConnectionBudget budget, byte[] frame) {
        WebSocketChannel channel = session.getWebSocketChannel();
        byThread.computeIfAbsent(channel.getIoThread(), thread -> new ArrayList<>()).add(new Write(session.getId(),
                channel, budget, frame, session.getAsyncRemote().getSendTimeout()));
    }

    /** Hands each I/O thread its writes: there each is written at once (the socket permitting), without a hand-over. */
    void start() {
        byThread.forEach((thread, writes) -> {
            try {
                thread.execute(() -> {
                    for (Write write : writes) {
                        write.start();
                    }
                });
            } catch (RejectedExecutionException stopping) { // the server is shutting its I/O threads down
                writes.forEach(write -> write.onError(write.channel(), null, stopping));
            }
        });
    }

    /** One connection's write, and what is done when it ends. */
    private record Write(String id, WebSocketChannel channel, ConnectionBudget budget, byte[] frame, long timeoutMs)
            implements
                WebSocketCallback<Void> {

        void start() {
            try {
                // Its own buffer over the shared bytes: the write moves the buffer's position, not the bytes.
                WebSockets.sendText(ByteBuffer.wrap(frame), channel, this, timeoutMs);
            } catch (RuntimeException e) {
                onError(channel, null, e);
            }
        }

        @Override
        public void complete(WebSocketChannel written, Void context) {
            if (budget != null) {
                budget.written(frame.length);
            }
        }

        @Override
        public void onError(WebSocketChannel failed, Void context, Throwable throwable) {
            complete(failed, context);
            LOG.debugf("Send to connection %s failed: %s", id, throwable);
        }
    }
}
