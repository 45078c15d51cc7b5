package org.chorus.client;

/** Where a client's connection stands. */
public enum ConnectionState {

    /** Logging in and opening the first connection ({@link ChorusClient#connect()}). */
    CONNECTING,

    /** The first {@code welcome} arrived. */
    CONNECTED,

    /** The link was lost; the client is trying again (the event carries the attempt number and the cause). */
    RECONNECTING,

    /** After a reconnect: welcomed again, every room re-joined and every unacknowledged send sent again. */
    RESUMED,

    /** Not connected and not trying: not yet connected, closed by {@link ChorusClient#close()}, or given up. */
    CLOSED
}
