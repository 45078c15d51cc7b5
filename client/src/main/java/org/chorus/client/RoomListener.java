package org.chorus.client;

/**
 * Hears one room: its messages exactly once and in seq order, and, if it wants, who comes, goes and types. Called on a
 * network or timer thread, never two calls at once for one client; it must not block (it may call the client).
 */
@FunctionalInterface
public interface RoomListener {

    /** For a caller that follows a room without reading it: the client builds no {@link ChatMessage} for it. */
    RoomListener IGNORE = message -> {
    };

    void onMessage(ChatMessage message);

    /** {@code user} came online in {@code room}, or went offline. */
    default void onPresence(String room, String user, boolean online) {
    }

    default void onTyping(String room, String user) {
    }
}
