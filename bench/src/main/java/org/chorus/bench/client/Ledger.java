package org.chorus.bench.client;

import java.util.BitSet;

/**
 * What one client saw of one room: every seq after the one it joined at should arrive exactly once and in order; this
 * counts duplicates, late (reordered) arrivals and, at the end, the missing.
 */
public final class Ledger {

    private final long floor;
    private final BitSet seen = new BitSet();
    private long highest;
    private long contiguous;
    private long duplicates;
    private long reordered;

    /** Starts after {@code floor}, the room's seq when the client joined. */
    public Ledger(long floor) {
        this.floor = floor;
        this.highest = floor;
        this.contiguous = floor;
    }

    /** Records a message; true when it is new and in order after everything before it. */
    public synchronized boolean record(long seq) {
        if (seq <= floor) {
            return false; // replayed from before the first join
        }
        int bit = (int) (seq - floor);
        if (seen.get(bit)) {
            duplicates++;
            return false;
        }
        seen.set(bit);
        boolean inOrder = seq > highest;
        if (!inOrder) {
            reordered++;
        }
        highest = Math.max(highest, seq);
        while (seen.get((int) (contiguous - floor + 1))) {
            contiguous++;
        }
        return inOrder;
    }

    /** The highest seq up to which nothing is missing. */
    public synchronized long contiguous() {
        return contiguous;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    public synchronized long reordered() {
        return reordered;
    }

    @Override
    public synchronized String toString() {
        return "floor " + floor + " contiguous " + contiguous + " highest " + highest + " seen " + seen.cardinality();
    }

    /** Seqs after the floor up to {@code latest} never seen. */
    public synchronized long missing(long latest) {
        long expected = Math.max(0, latest - floor);
        return expected - seen.get(1, (int) Math.max(1, expected + 1)).cardinality();
    }
}
