package org.chorus.bench.client;

/** What a load run hears from its clients, called on the network threads. */
public interface Events {

    /** A message of a joined room; {@code fresh} when it is new and in order (not a replay or a repeat). */
    void message(Client client, String room, long seq, String id, String text, long arrivedNanos, boolean fresh);

    /** The server stored the client's send {@code id} as {@code seq}. */
    void ack(Client client, String id, long seq, long arrivedNanos);

    /** An error frame (rate_limited, ...). */
    void error(Client client, String code, String ref);

    /** The connection closed with {@code code} (1006 when it dropped without a close frame). */
    void closed(Client client, int code);
}
