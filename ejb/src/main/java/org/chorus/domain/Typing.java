package org.chorus.domain;

/**
 * A user is typing in a room: shown to the room's other subscribers, never stored.
 */
public record Typing(String room, String user) {
}
