package org.chorus.client;

/** The server stored the send {@code id} in {@code room} as {@code seq} (a direct: in the sender's inbox). */
public record Ack(String id, String room, long seq) {
}
