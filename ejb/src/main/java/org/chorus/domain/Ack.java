package org.chorus.domain;

/**
 * Where a send was stored: the client id, the room and the seq the {@code ack} frame reports.
 */
public record Ack(String id, String room, long seq) {
}
