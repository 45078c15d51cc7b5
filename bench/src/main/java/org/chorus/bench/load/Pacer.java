package org.chorus.bench.load;

import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.chorus.bench.client.Client;

/**
 * Sends on schedule: each sender has intended send times a fixed period apart, and a message's text starts with its
 * intended time, so latency counts from when it should have gone out even when the pacer, or a failover, made it late
 * (no coordinated omission). Sends not yet acknowledged are kept, to time their acks and count what never was; the
 * client library sends them again after a reconnect or a refusal, with their ids.
 */
final class Pacer implements Runnable {

    /** A send in flight: its text (which carries its intended time) and room. */
    record Pending(String room, String text, long intended) {
    }

    private static final class Sender {

        final Client client;
        final String room;
        final long period;
        final int index;
        final TreeMap<String, Pending> pending = new TreeMap<>();
        long next;
        long count;

        Sender(Client client, String room, long period, int index, long first) {
            this.client = client;
            this.room = room;
            this.period = period;
            this.index = index;
            this.next = first;
        }
    }

    /** Ids are unique per user for the dedupe window (15 minutes): each pacer of each run has its own prefix. */
    private static final String RUN = "b" + Long.toString(System.currentTimeMillis() % 46_656_000L, 36);
    private static final java.util.concurrent.atomic.AtomicInteger PACERS = new java.util.concurrent.atomic.AtomicInteger();

    private final Map<Client, Sender> senders = new ConcurrentHashMap<>();
    private final PriorityQueue<Sender> queue = new PriorityQueue<>((a, b) -> Long.compare(a.next, b.next));
    private final String padding;
    private final String prefix = RUN + "p" + PACERS.incrementAndGet() + "-";
    private volatile boolean running = true;

    /** {@code rooms.get(i)} is the room of {@code clients.get(i)}; each room gets {@code perRoom} messages/s. */
    Pacer(List<Client> clients, List<String> rooms, double perRoom, int size) {
        this.padding = "x".repeat(Math.max(0, size - 21));
        Map<String, Integer> perRoomSenders = new java.util.HashMap<>();
        rooms.forEach(r -> perRoomSenders.merge(r, 1, Integer::sum));
        long now = System.nanoTime();
        for (int i = 0; i < clients.size(); i++) {
            long period = Math.round(perRoomSenders.get(rooms.get(i)) / perRoom * 1e9);
            Sender sender = new Sender(clients.get(i), rooms.get(i), period, i, now + period * i / clients.size());
            senders.put(sender.client, sender);
            queue.add(sender);
        }
    }

    @Override
    public void run() {
        while (running && !queue.isEmpty()) {
            Sender sender = queue.poll();
            long wait = sender.next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!running) {
                break; // stopped while waiting: nothing more goes out once the run counts what is unacknowledged
            }
            String id = prefix + sender.index + "-" + sender.count++;
            Pending pending = new Pending(sender.room, String.format("%019d|", sender.next) + padding, sender.next);
            synchronized (sender) {
                sender.pending.put(id, pending);
            }
            sender.client.send(pending.room(), id, pending.text()); // while reconnecting: the library holds it
            sender.next += sender.period;
            queue.add(sender);
        }
    }

    void stop() {
        running = false;
    }

    /** The pending send {@code id} of {@code client}, removed now that it is acknowledged; null if unknown. */
    Pending acked(Client client, String id) {
        Sender sender = senders.get(client);
        if (sender == null) {
            return null;
        }
        synchronized (sender) {
            return sender.pending.remove(id);
        }
    }

    /** Whether {@code id} is a send of {@code client} still waiting for its ack. */
    boolean isPending(Client client, String id) {
        return pending(client, id) != null;
    }

    private Pending pending(Client client, String id) {
        Sender sender = senders.get(client);
        if (sender == null) {
            return null;
        }
        synchronized (sender) {
            return sender.pending.get(id);
        }
    }

    /** Sends sent and never acknowledged. */
    int unacked() {
        return senders.values().stream().mapToInt(s -> {
            synchronized (s) {
                return s.pending.size();
            }
        }).sum();
    }

    /** The intended send time carried at the start of a message text. */
    static long intendedOf(String text) {
        return Long.parseLong(text, 0, 19, 10);
    }
}
