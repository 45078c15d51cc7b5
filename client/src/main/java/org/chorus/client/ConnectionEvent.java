package org.chorus.client;

/**
 * A change of a client's {@link ConnectionState}: the node of the last welcome (the new one for {@code CONNECTED} and
 * {@code RESUMED}, the lost one for {@code RECONNECTING}; null before the first), the attempt (1 for the first try
 * after a loss, 0 for the first connection) and what caused it (null unless a link was lost or the client gave up).
 */
public record ConnectionEvent(ConnectionState state, String node, int attempt, Throwable cause) {
}
