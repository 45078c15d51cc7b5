package org.chorus.bench.client;

/** What a load run hears from its clients, called on the network threads and the client library's timer thread. */
public interface Events {

    /** A message of a joined room as it came; {@code fresh} when it is new and in order (not a replay or a repeat). */
    void message(Client client, String room, long seq, String id, String text, long arrivedNanos, boolean fresh);

    /** The server stored the client's send {@code id} as {@code seq}. */
    void ack(Client client, String id, long seq, long arrivedNanos);

    /** An error frame (rate_limited, ...). */
    void error(Client client, String code, String ref);

    /**
     * The client lost its connection: {@code cause} tells how (a close code, 1006 for a drop, a server silent past its
     * heartbeat); null when the run closed it.
     */
    void lost(Client client, Throwable cause);

    /**
     * The client is back after a loss: welcomed again, every room re-joined and every unacknowledged send sent again;
     * {@code stateFound} when the welcome said {@code resumed}.
     */
    void resumed(Client client, boolean stateFound);

    /** Asked before every reconnect attempt: whether the run wants its clients back now. */
    boolean reconnecting();
}
