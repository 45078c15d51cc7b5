package org.chorus.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.chorus.client.FakeServer.Socket;

/** A client of a {@link FakeServer} with short backoffs, and what it told: its state changes and its messages. */
final class Harness {

    final FakeServer server = new FakeServer();
    final BlockingQueue<ConnectionEvent> events = new LinkedBlockingQueue<>();
    final List<ChatMessage> heard = new CopyOnWriteArrayList<>();
    final ChorusClient client;

    Harness() {
        this(ChorusClient.builder(URI.create("http://127.0.0.1:8080")));
    }

    Harness(ClientBuilder builder) {
        client = builder.credentials("alice", "secret").transport(server).authenticator(server).onState(events::add)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    }

    /** Connects and joins {@code room} at seq {@code seq}; returns the connection. */
    Socket joinedAt(String room, long seq) throws Exception {
        var connected = client.connect().toCompletableFuture();
        Socket socket = server.accept().welcome("node1", "t1", false, "");
        connected.get(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS);
        var joined = client.join(room, heard::add).toCompletableFuture();
        socket.read("join");
        socket.joined(room, seq);
        joined.get(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS);
        return socket;
    }

    /** The next state change that is {@code state}, skipping others. */
    ConnectionEvent await(ConnectionState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FakeServer.WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            ConnectionEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && event.state() == state) {
                return event;
            }
        }
        return fail("no " + state);
    }

    /** The seqs the listener got, in order. */
    List<Long> seqs() {
        return heard.stream().map(ChatMessage::seq).toList();
    }
}
