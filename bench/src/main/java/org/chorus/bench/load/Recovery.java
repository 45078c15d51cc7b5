package org.chorus.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.chorus.bench.client.Client;

/**
 * Brings clients back after their connection drops, as the browser client does: reconnect at once with the cookie and
 * resume token (through the same address, so the balancer picks a live node), re-join every room since the last seq
 * without a gap, and only then send again what was not acknowledged and let new sends go (a send before the re-join is
 * refused with {@code not_member}: it was the cause of issue 19's error frames); retry with backoff for up to a minute.
 */
public final class Recovery {

    /** How the recovery went, with each recovered client's time from the outage to being caught up. */
    public record Summary(int dropped, int reconnected, int resumed, List<Double> millis) {

        public double percentile(double p) {
            if (millis.isEmpty()) {
                return 0;
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
        }
    }

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final LoadRun run;
    private final Set<Client> dropped = ConcurrentHashMap.newKeySet();
    private final Set<Client> trying = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reconnected = new AtomicInteger();
    private final AtomicInteger resumed = new AtomicInteger();
    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    private volatile long since = -1;
    private volatile boolean stopped;

    Recovery(LoadRun run) {
        this.run = run;
    }

    void start(long outage) {
        since = outage;
    }

    void stop() {
        stopped = true;
    }

    /** A client's connection closed: bring it back, unless recovery is off. */
    void lost(Client client) {
        if (since < 0 || stopped || !trying.add(client)) {
            return;
        }
        dropped.add(client);
        attempt(client, 0);
    }

    private void attempt(Client client, int attempt) {
        client.connect().thenCompose(welcome -> CompletableFuture.allOf(client.rooms().stream().map(client::join)
                .toArray(CompletableFuture[]::new)).thenApply(x -> welcome.getBoolean("resumed", false))).orTimeout(
                        10, TimeUnit.SECONDS)
                .whenComplete((wasResumed, failure) -> {
                    if (failure == null) {
                        millis.add((System.nanoTime() - since) / 1e6);
                        reconnected.incrementAndGet();
                        if (wasResumed) {
                            resumed.incrementAndGet();
                        }
                        trying.remove(client);
                        client.joinedAll();
                        run.resumed(client);
                    } else if (!stopped && System.nanoTime() - since < GIVE_UP_NANOS) {
                        client.drop();
                        run.timer().schedule(() -> attempt(client, attempt + 1),
                                Math.min(1000, 100L << Math.min(attempt, 4)), TimeUnit.MILLISECONDS);
                    } else {
                        trying.remove(client);
                    }
                });
    }

    Summary summary() {
        return new Summary(dropped.size(), reconnected.get(), resumed.get(), List.copyOf(millis));
    }
}
