package org.chorus.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.JsonObject;

/**
 * The sends and directs not yet acknowledged, in the order they were made: written once the connection is ready,
 * written again with the same id after a reconnect or a transient refusal, and completed by their ack. Guarded by the
 * session's monitor.
 */
final class Outbox {

    /** A send on its way: its frame as written, and its caller's stage. */
    private static final class Pending {

        final String id;
        final String frame;
        final CompletableFuture<Ack> acked = new CompletableFuture<>();
        int tries;

        Pending(String id, String frame) {
            this.id = id;
            this.frame = frame;
        }
    }

    private final Session session;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** Ids unique per user: a random prefix per client (48 bits) and a counter. */
    private final String prefix = "c" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 16, 36) + "-";
    private long count;

    Outbox(Session session) {
        this.session = session;
    }

    String nextId() {
        return prefix + Long.toString(count++, 36);
    }

    /** Sends {@code frame} (with client id {@code id}) now if the connection is ready, else once it is. */
    CompletableFuture<Ack> send(String id, String frame) {
        Pending earlier = pending.get(id);
        if (earlier != null) {
            return earlier.acked; // the same id again is the same send
        }
        Pending send = new Pending(id, frame);
        pending.put(id, send);
        if (session.ready()) {
            session.write(frame);
        }
        return send.acked;
    }

    void ack(JsonObject frame) {
        Pending acked = pending.remove(frame.getString("id", ""));
        if (acked != null) {
            acked.acked.complete(Decode.ack(frame));
        }
    }

    /** An error frame naming a send: tried again after a backoff if that may help, or failed; false if not ours. */
    boolean refused(ChatErrorException error) {
        Pending send = pending.get(error.ref());
        if (send == null) {
            return false;
        }
        if (session.settings.retries(error.code(), ++send.tries)) {
            session.tasks.later(send.tries, () -> {
                if (pending.get(send.id) == send && session.ready()) {
                    session.write(send.frame);
                }
            });
        } else {
            pending.remove(send.id);
            send.acked.completeExceptionally(error);
        }
        return true;
    }

    /** The connection is ready again: every send without an ack goes, in the order they were made. */
    void flush() {
        for (Pending send : pending.values()) {
            session.write(send.frame);
        }
    }

    /** The client is over: every send without an ack fails with {@code failure}. */
    void fail(Throwable failure) {
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        all.forEach(send -> send.acked.completeExceptionally(failure));
    }
}
