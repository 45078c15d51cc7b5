package org.chorus.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.chorus.bench.client.Client;

/**
 * Measures how clients come back after their connection drops. The client library brings them back, as the browser
 * client does (reconnect with the cookie and resume token through the same address, so the balancer picks a live node;
 * re-join every room since the last seq without a gap; only then send again what was not acknowledged), for as long as
 * this lets it: from {@link #start} on, for up to a minute.
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

    private final Set<Client> dropped = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reconnected = new AtomicInteger();
    private final AtomicInteger resumed = new AtomicInteger();
    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    private volatile long since = -1;
    private volatile boolean stopped;

    void start(long outage) {
        since = outage;
    }

    void stop() {
        stopped = true;
    }

    /** Whether a client that lost its connection may try again now: recovery is on, and not for a minute yet. */
    boolean active() {
        return since >= 0 && !stopped && System.nanoTime() - since < GIVE_UP_NANOS;
    }

    /** A client's connection closed while recovery is on: it counts as dropped. */
    void lost(Client client) {
        if (since >= 0 && !stopped) {
            dropped.add(client);
        }
    }

    /** A client is back and caught up; {@code stateFound} when its welcome said {@code resumed}. */
    void back(boolean stateFound) {
        millis.add((System.nanoTime() - since) / 1e6);
        reconnected.incrementAndGet();
        if (stateFound) {
            resumed.incrementAndGet();
        }
    }

    Summary summary() {
        return new Summary(dropped.size(), reconnected.get(), resumed.get(), List.copyOf(millis));
    }
}
