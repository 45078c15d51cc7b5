package org.chorus.bench.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.websockets.client.WebSocketClient;
import io.undertow.websockets.client.WebSocketClientNegotiation;
import io.undertow.websockets.core.WebSocketChannel;
import org.xnio.IoFuture;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * The benchmark's network: one XNIO worker with two I/O threads for every WebSocket, each socket bound to its own
 * 127.0.0.x address so that tens of thousands of connections do not run out of ephemeral ports.
 */
public final class Wire implements AutoCloseable {

    private final XnioWorker worker;
    private final ByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024);

    public Wire() {
        try {
            worker = Xnio.getInstance(Wire.class.getClassLoader()).createWorker(OptionMap.builder().set(
                    Options.WORKER_IO_THREADS, 2).set(Options.TCP_NODELAY, true).set(Options.WORKER_TASK_CORE_THREADS,
                            2)
                    .set(Options.WORKER_TASK_MAX_THREADS, 2).getMap());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the XNIO worker", e);
        }
    }

    /** Opens a WebSocket to {@code uri} from {@code local}, sending {@code cookie}. */
    public CompletableFuture<WebSocketChannel> open(URI uri, InetSocketAddress local, String cookie) {
        CompletableFuture<WebSocketChannel> opened = new CompletableFuture<>();
        WebSocketClientNegotiation negotiation = new WebSocketClientNegotiation(List.of(), List.of()) {

            @Override
            public void beforeRequest(Map<String, List<String>> headers) {
                if (cookie != null) {
                    headers.put("Cookie", List.of(cookie));
                }
            }
        };
        WebSocketClient.connectionBuilder(worker, buffers, uri).setBindAddress(local).setClientNegotiation(negotiation)
                .connect().addNotifier(new IoFuture.HandlingNotifier<WebSocketChannel, Void>() {

                    @Override
                    public void handleDone(WebSocketChannel channel, Void attachment) {
                        opened.complete(channel);
                    }

                    @Override
                    public void handleFailed(IOException failure, Void attachment) {
                        opened.completeExceptionally(failure);
                    }
                }, null);
        return opened;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
