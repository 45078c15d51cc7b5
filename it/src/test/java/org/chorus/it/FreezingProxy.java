package org.chorus.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback in front of one server that can go silent like a dead client: after {@link #freeze()} it
 * still holds every connection open but passes nothing on in either direction (what the client sends, pongs included,
 * never reaches the server), and it notes when the server closes its side.
 */
final class FreezingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Long> serverClosed = new CompletableFuture<>();
    private volatile boolean frozen;

    /** A proxy to the host and port of {@code server}, listening on an ephemeral loopback port. */
    FreezingProxy(URI server) throws IOException {
        target = new InetSocketAddress(server.getHost(), server.getPort());
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "proxy-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** {@code server}'s URI with the proxy's port instead. */
    URI in(URI server) {
        return URI.create(server.getScheme() + "://127.0.0.1:" + listener.getLocalPort() + server.getPath());
    }

    /** From now on nothing passes in either direction; the connections stay open. */
    void freeze() {
        frozen = true;
    }

    /** Completes with {@link System#nanoTime()} when a server closed a connection (end of stream or reset). */
    CompletableFuture<Long> serverClosed() {
        return serverClosed;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                sockets.add(client);
                sockets.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromServer) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!frozen) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // reset, or closed by close()
            }
            if (fromServer) {
                serverClosed.complete(System.nanoTime());
            }
        }, fromServer ? "proxy-from-server" : "proxy-from-client");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
