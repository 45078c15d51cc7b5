package org.chorus.domain;

/**
 * What one node reports about itself every few seconds for the admin page: its open connections and its running totals
 * of messages in and out and of resumed and fresh connections, as of {@code at} (epoch milliseconds).
 */
public record NodeStats(String node, long connections, long messagesIn, long messagesOut, long resumed, long fresh,
        long at) {

    /** The same figures as of another time. */
    public NodeStats at(long time) {
        return new NodeStats(node, connections, messagesIn, messagesOut, resumed, fresh, time);
    }
}
