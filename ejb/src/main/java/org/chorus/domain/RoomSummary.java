package org.chorus.domain;

/**
 * A shared room as the room list shows it: its latest seq and how many users are online in it.
 */
public record RoomSummary(String room, long seq, int online) {
}
