package org.chorus.interfaces.websocket;

/**
 * The latest messages a room's feed delivered on this node, contiguous in seq, each with its frame as it was sent, so
 * that a join replays them without reading history (each read of the off-heap history marshals its key) or encoding
 * them again. Not thread-safe: its {@link RoomFeed} guards it.
 */
final class RecentMessages {

    private final int capacity;
    /** Frames by {@code seq % capacity}; made at the first message, so that a quiet room costs nothing. */
    private String[] frames;
    private long last;
    private int size;

    RecentMessages(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps a delivered message's frame; one that does not follow the last kept starts the run again. */
    void add(long seq, String frame) {
        if (capacity == 0) {
            return;
        }
        if (frames == null) {
            frames = new String[capacity];
        }
        if (size > 0 && seq != last + 1) {
            size = 0;
        }
        frames[Math.floorMod(seq, capacity)] = frame;
        last = seq;
        size = Math.min(size + 1, capacity);
    }

    /**
     * The first seq of the kept run when it ends at {@code delivered}, else {@code delivered + 1}: the frames from it
     * up to {@code delivered} are here.
     */
    long firstUpTo(long delivered) {
        return size > 0 && last == delivered ? last - size + 1 : delivered + 1;
    }

    /** The frame of a kept seq (between {@link #firstUpTo} and the last delivered). */
    String frame(long seq) {
        return frames[Math.floorMod(seq, capacity)];
    }
}
