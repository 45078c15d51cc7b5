package org.chorus.bench.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.chorus.bench.client.Client;
import org.chorus.bench.client.Events;
import org.chorus.bench.client.Login;
import org.chorus.bench.client.UndertowTransport;
import org.chorus.bench.client.Wire;
import org.chorus.client.ConnectionLostException;

/**
 * A load run: clients logged in, connected and joined to their rooms, senders on schedule, every delivery timed and
 * checked for order, and (when asked) clients that lose their connection reconnecting with their resume token (the
 * client library does it; {@link Recovery} measures it).
 */
public final class LoadRun implements Events, AutoCloseable {

    /** The chat path of Chorus; the baseline has its own. */
    public static final String CHORUS = "/chorus/chat";

    private final Wire wire = new Wire();
    private final UndertowTransport network = new UndertowTransport(wire);
    private final Tally tally = new Tally();
    private final String path;
    private final String password;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Set<Client> recording = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-timer");
        t.setDaemon(true);
        return t;
    });
    private final Recovery recovery = new Recovery();
    private volatile Pacer pacer;
    private volatile Thread pacing;
    private volatile boolean closing;

    public LoadRun(String path, String password) {
        this.path = path;
        this.password = password;
        timer.scheduleAtFixedRate(() -> Progress.second(tally.sample(open())), 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Adds {@code count} clients: client i logs in at {@code base(i)} as {@code user(i)}, connects and joins
     * {@code room(i)}; those that {@code record} time their deliveries. Returns those that got as far as joined.
     */
    public List<Client> add(int count, IntFunction<URI> base, IntFunction<String> user, IntFunction<String> room,
            boolean record) {
        Semaphore inFlight = new Semaphore(32);
        Client[] added = new Client[count]; // in index order: client i is in room(i)
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        Progress progress = Progress.of("connecting", count);
        for (int i = 0; i < count; i++) {
            final int index = i;
            inFlight.acquireUninterruptibly();
            Client client = new Client(network, base.apply(i), path, user.apply(i), path.equals(CHORUS)
                    ? password
                    : null, this);
            String joinRoom = room.apply(i);
            all.add(client.connect().thenCompose(w -> client.join(joinRoom)).orTimeout(60, TimeUnit.SECONDS)
                    .whenComplete((seq, failure) -> {
                        inFlight.release();
                        if (failure == null) {
                            if (record) {
                                recording.add(client);
                            }
                            clients.add(client);
                            synchronized (added) {
                                added[index] = client;
                            }
                        } else {
                            client.close(); // connected but not joined in time: not one of the run's
                            if (failed.getAndIncrement() == 0) {
                                Progress.say("first connect failure: " + failure);
                            }
                        }
                        progress.step();
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        int retried = Login.RETRIED.getAndSet(0);
        progress.done((failed.get() == 0 ? "" : failed.get() + " failed ") + (retried == 0
                ? ""
                : retried + " logins answered 503 and tried again"));
        synchronized (added) {
            return java.util.Arrays.stream(added).filter(java.util.Objects::nonNull).toList();
        }
    }

    /** Starts sending: each sender into the room it joined; each room gets {@code perRoom} messages per second. */
    public void send(List<Client> senders, double perRoom, int size) {
        pacer = new Pacer(senders, senders.stream().map(c -> c.rooms().get(0)).toList(), perRoom, size);
        pacing = new Thread(pacer, "bench-pacer");
        pacing.setDaemon(true);
        pacing.start();
    }

    /** Measures the load while {@code during} runs (for as long as it takes). */
    public Window measure(Runnable during) {
        tally.open(open());
        long start = System.nanoTime();
        during.run();
        return tally.close(open(), (System.nanoTime() - start) / 1e9);
    }

    /** Runs the load for {@code seconds} as the measured window (the warm-up is simply load before it). */
    public Window measure(double seconds) {
        tally.open(open());
        sleep(seconds);
        return tally.close(open(), seconds);
    }

    /** Stops sending and waits (up to 10 s) for every send's ack and every client to have its rooms' last message. */
    public Verdict finish() {
        if (pacer != null) {
            pacer.stop();
            LockSupport.unpark(pacing);
            try {
                pacing.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && (unacked() > 0 || missing() > 0)) {
            sleep(0.1);
        }
        explainMissing();
        long duplicates = 0;
        long reordered = 0;
        for (Client client : recording) {
            for (var ledger : client.ledgers().values()) {
                duplicates += ledger.duplicates();
                reordered += ledger.reordered();
            }
        }
        return new Verdict(missing() + unacked(), duplicates, reordered, open(), clients.size(), tally
                .rateLimitedCount(), tally.errors(), tally.disconnects(), tally.silentServers(), recovery.summary());
    }

    /** Clients whose connection drops from now on reconnect, resume and catch up; times count from now. */
    public void reconnectFromNow() {
        recovery.start(System.nanoTime());
    }

    public Tally tally() {
        return tally;
    }

    public int open() {
        return (int) clients.stream().filter(Client::isOpen).count();
    }

    /** Closes every connection and stops the network. */
    @Override
    public void close() {
        closing = true;
        if (pacer != null) {
            pacer.stop();
        }
        recovery.stop();
        clients.forEach(Client::close);
        timer.shutdownNow();
        wire.close();
    }

    @Override
    public void message(Client client, String room, long seq, String id, String text, long arrived, boolean fresh) {
        latest.merge(room, seq, Math::max);
        if (fresh && recording.contains(client) && text.length() > 19 && text.charAt(19) == '|') {
            tally.delivered(arrived - Pacer.intendedOf(text));
        }
    }

    @Override
    public void ack(Client client, String id, long seq, long arrived) {
        Pacer.Pending pending = pacer == null ? null : pacer.acked(client, id);
        if (pending != null) {
            tally.acked(arrived - pending.intended());
            latest.merge(pending.room(), seq, Math::max);
        }
    }

    @Override
    public void error(Client client, String code, String ref) {
        boolean pending = ref != null && pacer != null && pacer.isPending(client, ref);
        if ("rate_limited".equals(code) && pending) {
            tally.rateLimited(); // the client library sends it again after a backoff
        } else if (tally.error() <= 3) {
            Progress.say("error frame " + code + (ref == null ? "" : " for " + ref) + " to " + client.user() + "@"
                    + client.node());
        }
    }

    /** A connection lost (not by the run) is a disconnect; one whose server went silent is counted as such. */
    @Override
    public void lost(Client client, Throwable cause) {
        if (!closing && cause != null) {
            tally.disconnected();
        }
        if (cause instanceof ConnectionLostException lost && lost.silent() && tally.silentServer() <= 3) {
            Progress.say(client.user() + "@" + client.node() + ": the server went silent; reconnecting");
        }
        recovery.lost(client);
    }

    @Override
    public void resumed(Client client, boolean stateFound) {
        recovery.back(stateFound);
    }

    @Override
    public boolean reconnecting() {
        return recovery.active();
    }

    private int unacked() {
        return pacer == null ? 0 : pacer.unacked();
    }

    private long missing() {
        long missing = 0;
        for (Client client : recording) {
            if (client.isOpen()) {
                for (var room : client.ledgers().entrySet()) {
                    missing += room.getValue().missing(latest.getOrDefault(room.getKey(), 0L));
                }
            }
        }
        return missing;
    }

    /** Names a few clients that miss messages, to start looking. */
    private void explainMissing() {
        recording.stream().filter(Client::isOpen).flatMap(c -> c.ledgers().entrySet().stream().filter(e -> e
                .getValue().missing(latest.getOrDefault(e.getKey(), 0L)) > 0).map(e -> c.user() + "@" + c.node()
                        + " " + e.getKey() + " " + e.getValue() + " latest " + latest.get(e.getKey())))
                .limit(5)
                .forEach(line -> Progress.say("missing: " + line));
    }

    /** Sleeps the benchmark's fixed phases (warm-up, measured window): a schedule, not a wait for a condition. */
    public static void sleep(double seconds) {
        try {
            Thread.sleep(Math.round(seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
